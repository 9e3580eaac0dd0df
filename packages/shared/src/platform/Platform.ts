/**
 * What a door (kiosk H5 or mini-program) provides to the shared screens. Screens never import a
 * platform API directly: everything that differs between the two is behind this interface.
 */
import type { Transport } from '@bangban/core/api/client'
import type { VoiceListener } from '../voice/commands/listener'
import type { Speaker } from '../voice/speaker'
import type { TextInputEngine } from './textInput'

export type PlatformKind = 'kiosk' | 'weapp'

export interface IdCardReading {
  readonly name: string
  readonly idNumber: string
}

export interface KioskDevices {
  /** Calls back for every card the reader reads; returns an unsubscribe function. */
  onIdCard(listener: (card: IdCardReading) => void): () => void
  /**
   * Calls back when a card is on the reader but cannot be read (a misread chip, a card the reader
   * does not know), so the resident is told instead of left waiting; returns an unsubscribe function.
   */
  onIdCardError?(listener: (code: string) => void): () => void
  /** Calls back for every code the QR scanner reads. */
  onQrScan(listener: (text: string) => void): () => void
  /** Prints a receipt; resolves when the printer took it. */
  printReceipt(receipt: Receipt): Promise<void>
}

export interface ReceiptLine {
  readonly label: string
  readonly value: string
}

export interface Receipt {
  readonly title: string
  readonly lines: readonly ReceiptLine[]
  /** Shown large, e.g. the ticket number. */
  readonly highlight?: string
  /** Encoded as a QR code at the bottom. */
  readonly qr?: string
}

/** How this door pays: a QR code any phone scans (kiosk), or WeChat's own payment sheet (mini-program). */
export interface PaymentAdapter {
  readonly method: 'wechat-native' | 'wechat-jsapi'
  /** Kiosk: an image (data URL) of a QR code for the text. */
  renderQr?(text: string): Promise<string>
  /** Mini-program: opens WeChat's payment sheet; resolves when the payer finished, rejects when they cancelled. */
  requestPayment?(params: {
    timeStamp: string
    nonceStr: string
    package: string
    signType: 'RSA'
    paySign: string
  }): Promise<void>
}

/** What WeChat gives the mini-program; absent at the kiosk. */
export interface WechatAdapter {
  /** wx.login: a one-time code the service exchanges for who this WeChat user is. */
  login(): Promise<string>
  /** wx.scanCode with the camera only: the text of the code, or null when the user went back. */
  scanCode(): Promise<string | null>
  /** wx.requestSubscribeMessage: the template ids the user allowed (none when refused or unavailable). */
  requestSubscribe(templateIds: readonly string[]): Promise<readonly string[]>
  /** wx.openPrivacyContract: WeChat's own page with the 用户隐私保护指引 the operator filled in. */
  openPrivacyContract(): Promise<void>
  /** wx.makePhoneCall: the phone's dialler with the number filled in (the resident presses call). */
  makePhoneCall(phoneNumber: string): Promise<void>
}

export interface EndSessionOptions {
  /**
   * A helper stays signed in at the counter (结束代办): everything of the resident is wiped, but the
   * kiosk's shell does not reload the page, which would also throw away the helper's sign-in.
   */
  readonly helperStays?: boolean
}

export interface Platform {
  readonly kind: PlatformKind
  readonly apiBaseUrl: string
  readonly transport: Transport
  /** Headers this door adds to every call (the kiosk key). */
  readonly extraHeaders: Record<string, string>
  readonly speaker: Speaker
  /**
   * Hears spoken commands (语音操作), where this door can: WechatSI in the mini-program. None at the
   * kiosk by default: Chromium's recogniser sends the audio to Google.
   */
  readonly listener?: VoiceListener
  /** Present at the kiosk only. */
  readonly devices?: KioskDevices
  /**
   * Handwriting and pinyin for the on-screen pad and keyboards, where this door draws its own
   * input (the kiosk); absent in the mini-program, which has WeChat's keyboard and voice input.
   */
  readonly textInput?: TextInputEngine
  readonly payment: PaymentAdapter
  /** Present in the mini-program only. */
  readonly wechat?: WechatAdapter
  /** Mini-program: the community's helper line 呼叫帮办员 offers to call (none configured: book the counter). */
  readonly helperLine?: string
  /** Ends the resident's session on this device: wipe every trace and return to the welcome screen. */
  endSession(options?: EndSessionOptions): void
  /**
   * The service refused the resident's own stored session (401: signed out elsewhere, expired,
   * account deleted). The mini-program forgets it and opens sign-in with the job and its query kept,
   * so the resident signs in and carries on; absent at the kiosk, which keeps no session between visits.
   */
  sessionRefused?(): void
}
