import { ScanConsentScreen } from '@bangban/shared/screens/ScanConsentScreen'

export default ScanConsentScreen
