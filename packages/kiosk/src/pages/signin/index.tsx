import { SignInScreen } from '@bangban/shared/screens/SignInScreen'

export default SignInScreen
