/** Sending SMS goes through this interface: the log sender below, or Tencent Cloud SMS (src/sms). */
export interface SmsProvider {
  readonly name: string
  sendCode(phone: string, code: string, ttlMinutes: number): Promise<void>
}

/**
 * Development provider (BANGBAN_SMS=log, the default): writes the code to the service log (the
 * phone number masked), so a developer can sign in without a gateway. The configuration refuses it
 * under NODE_ENV=production unless explicitly allowed (src/sms/config.ts).
 */
export function consoleSmsProvider(logger: {
  info(obj: object, msg: string): void
}): SmsProvider & { readonly sent: Array<{ phone: string; code: string }> } {
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
