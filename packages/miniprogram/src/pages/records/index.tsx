import { RecordsScreen } from '@bangban/shared/screens/RecordsScreen'

export default RecordsScreen
