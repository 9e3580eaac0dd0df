import { StaffConsoleScreen } from '@bangban/shared/screens/staff/StaffConsoleScreen'

export default StaffConsoleScreen
