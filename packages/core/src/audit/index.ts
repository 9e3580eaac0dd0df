export * from './merkle'
export { sha256, utf8 } from './sha256'
export * from './proof'
