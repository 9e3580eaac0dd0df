/**
 * TC3-HMAC-SHA256 against Tencent Cloud's own worked example ("Signature v3", API 3.0 common
 * documentation): DescribeInstances on cvm.tencentcloudapi.com at 1551113065 with the example
 * SecretKey `Gu5t9xGARNpq86cd98joQYCN3EXAMPLE`, signing content-type and host only. Every
 * intermediate value below is the one the document prints.
 */
import { signTc3, utcDate } from '../../src/sms/tc3'

const DOC = {
  secretId: 'AKID**********************0123456789EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
}

describe('TC3-HMAC-SHA256 signing', () => {
  it("reproduces the documentation's example step by step", () => {
    const signed = signTc3(DOC)
    expect(signed.canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        '',
        'content-type;host',
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      ].join('\n'),
    )
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    )
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168')
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKID**********************0123456789EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    )
  })

  it('takes the date in UTC: 00:44 on the 26th in Shanghai is still the 25th', () => {
    expect(utcDate(1551113065)).toBe('2019-02-25')
  })

  it('signs the action too when given, lowercased, so it cannot be swapped', () => {
    const signed = signTc3({ ...DOC, action: 'DescribeInstances' })
    expect(signed.canonicalRequest).toContain(
      '\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n',
    )
    expect(signed.authorization).toContain('SignedHeaders=content-type;host;x-tc-action, ')
    expect(signed.signature).not.toBe(signTc3(DOC).signature)
    expect(signTc3({ ...DOC, action: 'SendSms' }).signature).not.toBe(signed.signature)
  })
})
