import { CashScreen } from '@bangban/shared/screens/staff/CashScreen'

export default CashScreen
