/** The SMS sender the configuration names: the development log sender, or Tencent Cloud SMS. */
import { consoleSmsProvider, type SmsProvider } from '../auth/sms'
import type { Clock } from '../util/clock'
import type { SmsConfig } from './config'
import { tencentSmsProvider } from './tencent'

export { loadSmsConfig, SmsConfigError, type SmsConfig, type TencentSmsConfig } from './config'

export interface SmsLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

const silent: SmsLog = { info: () => undefined, warn: () => undefined }

export function createSmsProvider(config: SmsConfig, options: { clock: Clock; log?: SmsLog }): SmsProvider {
  const log = options.log ?? silent
  if (config.sender === 'tencent') return tencentSmsProvider(config.tencent, { clock: options.clock, log })
  return consoleSmsProvider(log)
}
