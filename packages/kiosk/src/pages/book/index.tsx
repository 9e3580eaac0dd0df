import { BookScreen } from '@bangban/shared/screens/BookScreen'

export default BookScreen
