import { AccountScreen } from '@bangban/shared/screens/AccountScreen'

export default AccountScreen
