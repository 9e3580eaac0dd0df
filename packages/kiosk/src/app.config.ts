export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/signin/index',
    'pages/book/index',
    'pages/records/index',
    'pages/pay/index',
    'pages/request/index',
  ],
  window: { navigationStyle: 'custom', backgroundColor: '#fbf8f2' },
})
