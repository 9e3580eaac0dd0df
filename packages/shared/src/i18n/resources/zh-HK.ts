import type { Resource } from './zh-CN'

/** Traditional Chinese as read in Hong Kong; wording follows spoken Cantonese where it reads aloud better. */
const zhHK: Resource = {
  app: {
    name: '幫辦通',
    tagline: '社區代幫辦服務',
  },
  nav: {
    repeat: '再聽一次',
    callHelper: '呼叫幫辦員',
    back: '返回',
    home: '返回首頁',
    step: '第 {{current}} 步，共 {{total}} 步',
  },
  home: {
    book: '預約掛號',
    pay: '生活繳費',
    request: '反映問題',
    records: '我的記錄',
  },
  settings: {
    language: '語言',
    textSize: '字體大小',
    textLarge: '大',
    textExtraLarge: '特大',
  },
  languages: {
    'zh-CN': '中文',
    'zh-HK': '粵語',
    en: 'English',
  },
  errors: {
    VALIDATION_FAILED: '填寫的內容有誤，請檢查後再試。',
    INVALID_ID_NUMBER: '身份證號碼不正確，請核對後再試。',
    INVALID_PHONE: '手機號碼不正確，請輸入 11 位手機號碼。',
    INVALID_AMOUNT: '金額不正確。',
    UNAUTHENTICATED: '請先登入。',
    KIOSK_KEY_INVALID: '這部自助機未通過驗證，請聯絡職員。',
    CODE_INVALID: '驗證碼不對或已過期，請重新獲取。',
    FORBIDDEN: '您沒有權限辦理這項業務。',
    CONSENT_REQUIRED: '需要居民本人授權後才能代辦。',
    CONSENT_EXPIRED: '代辦授權已結束，請重新請居民授權。',
    CONSENT_SCOPE: '居民的授權不包括這項業務。',
    NOT_FOUND: '找不到相關資料。',
    SLOT_FULL: '這個時間已經約滿，請換一個時間。',
    ALREADY_BOOKED: '您當日已預約了這個科室，不能重複預約。',
    SLOT_NOT_BOOKABLE: '這個時間已經過了或未能預約，請換一個時間。',
    APPOINTMENT_NOT_ACTIVE: '這個預約已經取消，不能再修改。',
    IDEMPOTENCY_CONFLICT: '同一操作的內容不一致，請重新開始。',
    BILL_ALREADY_PAID: '這張賬單已經繳過，不用再繳。',
    PAYLOAD_TOO_LARGE: '提交的內容太長。',
    UNSUPPORTED_MEDIA_TYPE: '提交的內容格式不對。',
    RATE_LIMITED: '操作太頻密，請稍等一會再試。',
    INTERNAL: '系統出了問題，請稍後再試，或請職員幫忙。',
    SERVICE_UNAVAILABLE: '系統正在維護，請稍後再試。',
    NETWORK: '網絡連接不上，請稍後再試，或請職員幫忙。',
  },
}

export default zhHK
