// i18n-exempt: the static title WeChat shows while a page loads; ScreenFrame sets the translated one
export default definePageConfig({ navigationBarTitleText: '我的账号' })
