import { PayScreen } from '@bangban/shared/screens/PayScreen'

export default PayScreen
