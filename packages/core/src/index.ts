export * from './domain'
export * from './api'
export * from './i18n'
export * from './theme'
