export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/signin/index',
    'pages/book/index',
    'pages/records/index',
    'pages/pay/index',
    'pages/request/index',
  ],
  // WeChat's 同声传译 (text to speech, recognition); added to the app in the admin console first.
  plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
  window: {
    // i18n-exempt: the static title WeChat shows while the app loads
    navigationBarTitleText: '帮办通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#fbf8f2',
  },
})
