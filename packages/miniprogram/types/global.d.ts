/// <reference types="@tarojs/taro" />

declare const BANGBAN_PLATFORM: 'kiosk' | 'weapp'
declare const BANGBAN_SIMULATORS: boolean
declare const BANGBAN_API_BASE_URL: string
/** The community's helper line (BANGBAN_HELPER_LINE at build time), or empty. */
declare const BANGBAN_HELPER_LINE: string

declare module '*.css'
