/** Sending SMS goes through this interface; a real gateway adapter plugs in here. */
import type { Logger } from 'pino'

export interface SmsProvider {
  readonly name: string
  sendCode(phone: string, code: string, ttlMinutes: number): Promise<void>
}

/**
 * Development provider: writes the code to the service log (the phone number masked), so a
 * developer can sign in without a gateway. Never used when BANGBAN_SMS=… names a real one.
 */
export function consoleSmsProvider(
  logger: Pick<Logger, 'info'>,
): SmsProvider & { readonly sent: Array<{ phone: string; code: string }> } {
  const sent: Array<{ phone: string; code: string }> = []
  return {
    name: 'console',
    sent,
    async sendCode(phone, code, ttlMinutes) {
      sent.push({ phone, code })
      if (sent.length > 100) sent.shift()
      logger.info(
        { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, code, ttlMinutes },
        'development SMS code',
      )
    },
  }
}
