export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/signin/index',
    'pages/book/index',
    'pages/records/index',
    'pages/pay/index',
    'pages/request/index',
    // Staff mode (帮办台): kiosk only.
    'pages/staff-signin/index',
    'pages/staff/index',
    'pages/staff-cash/index',
  ],
  window: { navigationStyle: 'custom', backgroundColor: '#fbf8f2' },
})
