export * from './contrast'
export * from './tokens'
