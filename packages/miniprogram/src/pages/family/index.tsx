import { FamilyScreen } from '@bangban/shared/screens/FamilyScreen'

export default FamilyScreen
