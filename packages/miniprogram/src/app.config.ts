export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/signin/index',
    'pages/book/index',
    'pages/records/index',
    'pages/pay/index',
    'pages/request/index',
  ],
  window: {
    // i18n-exempt: the static title WeChat shows while the app loads
    navigationBarTitleText: '帮办通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#fbf8f2',
  },
})
