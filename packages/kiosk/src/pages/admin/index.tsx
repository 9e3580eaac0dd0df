import { DashboardScreen } from '@bangban/shared/screens/staff/DashboardScreen'

export default DashboardScreen
