import type { Resource } from './zh-CN'

const en: Resource = {
  app: {
    name: 'Bangban',
    tagline: 'Community assisted services',
  },
  nav: {
    repeat: 'Say it again',
    callHelper: 'Call a helper',
    back: 'Back',
    home: 'Home',
    step: 'Step {{current}} of {{total}}',
  },
  home: {
    book: 'Book an appointment',
    pay: 'Pay a bill',
    request: 'Report a problem',
    records: 'My records',
  },
  settings: {
    language: 'Language',
    textSize: 'Text size',
    textLarge: 'Large',
    textExtraLarge: 'Extra large',
  },
  languages: {
    'zh-CN': '中文',
    'zh-HK': '粵語',
    en: 'English',
  },
  errors: {
    VALIDATION_FAILED: 'Something you entered is not right. Please check it and try again.',
    INVALID_ID_NUMBER: 'This ID card number is not valid. Please check it and try again.',
    INVALID_PHONE: 'This mobile number is not valid. Please enter all 11 digits.',
    INVALID_AMOUNT: 'This amount is not valid.',
    UNAUTHENTICATED: 'Please sign in first.',
    KIOSK_KEY_INVALID: 'This kiosk could not be verified. Please ask a member of staff.',
    CODE_INVALID: 'The code is wrong or has expired. Please ask for a new one.',
    FORBIDDEN: 'You are not allowed to do this.',
    CONSENT_REQUIRED: 'The resident must agree before you can act for them.',
    CONSENT_EXPIRED: "The resident's consent has ended. Please ask them again.",
    CONSENT_SCOPE: "The resident's consent does not cover this.",
    NOT_FOUND: 'Nothing was found.',
    SLOT_FULL: 'This time is fully booked. Please choose another time.',
    ALREADY_BOOKED: 'You already have an appointment with this department on that day.',
    SLOT_NOT_BOOKABLE: 'This time has passed or cannot be booked yet. Please choose another time.',
    APPOINTMENT_NOT_ACTIVE: 'This appointment was cancelled and cannot be changed.',
    IDEMPOTENCY_CONFLICT: 'This request does not match the one sent before. Please start again.',
    BILL_ALREADY_PAID: 'This bill has already been paid.',
    PAYLOAD_TOO_LARGE: 'What you sent is too long.',
    UNSUPPORTED_MEDIA_TYPE: 'What you sent is in the wrong format.',
    RATE_LIMITED: 'Too many tries. Please wait a moment and try again.',
    INTERNAL: 'Something went wrong. Please try again later or ask a member of staff.',
    SERVICE_UNAVAILABLE: 'The service is under maintenance. Please try again later.',
    NETWORK: 'Cannot reach the service. Please try again later or ask a member of staff.',
  },
}

export default en
