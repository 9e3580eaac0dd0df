import { RequestScreen } from '@bangban/shared/screens/RequestScreen'

export default RequestScreen
