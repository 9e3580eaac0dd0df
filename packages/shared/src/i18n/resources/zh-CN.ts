/** Simplified Chinese: the source of every key. Other languages must have exactly these keys. */
const zhCN = {
  app: {
    name: '帮办通',
    tagline: '社区代帮办服务',
  },
  nav: {
    repeat: '再听一遍',
    callHelper: '呼叫帮办员',
    back: '返回',
    home: '回到首页',
    step: '第 {{current}} 步，共 {{total}} 步',
  },
  home: {
    book: '预约挂号',
    pay: '生活缴费',
    request: '反映问题',
    records: '我的记录',
  },
  settings: {
    language: '语言',
    textSize: '字号',
    textLarge: '大',
    textExtraLarge: '特大',
  },
  languages: {
    'zh-CN': '中文',
    'zh-HK': '粵語',
    en: 'English',
  },
  errors: {
    VALIDATION_FAILED: '填写的内容有误，请检查后再试。',
    INVALID_ID_NUMBER: '身份证号码不正确，请核对后再试。',
    INVALID_PHONE: '手机号码不正确，请输入 11 位手机号。',
    INVALID_AMOUNT: '金额不正确。',
    UNAUTHENTICATED: '请先登录。',
    KIOSK_KEY_INVALID: '这台自助机没有通过验证，请联系工作人员。',
    CODE_INVALID: '验证码不对或已过期，请重新获取。',
    FORBIDDEN: '您没有权限办理这项业务。',
    CONSENT_REQUIRED: '需要居民本人授权后才能代办。',
    CONSENT_EXPIRED: '代办授权已结束，请重新请居民授权。',
    CONSENT_SCOPE: '居民的授权不包括这项业务。',
    NOT_FOUND: '没有找到相关信息。',
    SLOT_FULL: '这个时间已经约满了，请换一个时间。',
    ALREADY_BOOKED: '您当天已经预约了这个科室，不能重复预约。',
    SLOT_NOT_BOOKABLE: '这个时间已经过了或还不能预约，请换一个时间。',
    APPOINTMENT_NOT_ACTIVE: '这个预约已经取消，不能再修改。',
    IDEMPOTENCY_CONFLICT: '同一操作的内容不一致，请重新开始。',
    BILL_ALREADY_PAID: '这笔账单已经缴过了，不用再缴。',
    PAYLOAD_TOO_LARGE: '提交的内容太长了。',
    UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不对。',
    RATE_LIMITED: '操作太频繁了，请稍等一会儿再试。',
    INTERNAL: '系统出了点问题，请稍后再试，或找工作人员帮忙。',
    SERVICE_UNAVAILABLE: '系统正在维护，请稍后再试。',
    NETWORK: '网络连接不上，请稍后再试，或找工作人员帮忙。',
  },
}

export default zhCN

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
/** The shape every language must have. */
export type Resource = Widen<typeof zhCN>
