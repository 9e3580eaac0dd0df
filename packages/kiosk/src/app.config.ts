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
    'pages/admin/index',
    'pages/staff-cash/index',
  ],
  window: { navigationStyle: 'custom', backgroundColor: '#fbf8f2' },
  // No sliding page transitions: calmer for elderly residents, and Taro's animated H5 router parks
  // hidden pages at translate(100%), which made a landscape kiosk scroll sideways.
  animation: false,
})
