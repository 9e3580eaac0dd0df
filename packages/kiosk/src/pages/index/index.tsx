import { HomeScreen } from '@bangban/shared/screens/HomeScreen'

export default HomeScreen
