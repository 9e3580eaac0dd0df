import { StaffSignInScreen } from '@bangban/shared/screens/staff/StaffSignInScreen'

export default StaffSignInScreen
