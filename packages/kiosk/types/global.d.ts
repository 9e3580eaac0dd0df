/// <reference types="@tarojs/taro" />

declare const BANGBAN_PLATFORM: 'kiosk' | 'weapp'
declare const BANGBAN_SIMULATORS: boolean

declare module '*.css'
