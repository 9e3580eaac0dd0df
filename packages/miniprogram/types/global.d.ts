/// <reference types="@tarojs/taro" />

declare const BANGBAN_PLATFORM: 'kiosk' | 'weapp'
declare const BANGBAN_SIMULATORS: boolean
declare const BANGBAN_API_BASE_URL: string

declare module '*.css'
