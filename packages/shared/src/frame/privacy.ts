/**
 * WeChat's privacy gate (小程序隐私协议): before a privacy-gated call (the camera scan, the microphone,
 * photos) WeChat asks the app, through wx.onNeedPrivacyAuthorization, to show its own privacy
 * prompt; the call waits until the resident agrees (an agreePrivacyAuthorization button) or not.
 * The mini-program puts each such request here; the frame of whatever screen is open shows it.
 */
export type PrivacyWhat = 'scan' | 'voice' | 'photo' | 'other'

export interface PrivacyRequest {
  readonly what: PrivacyWhat
  /** The resident pressed the agree button (its id, as WeChat wants it back). */
  agree(buttonId: string): void
  disagree(): void
}

export interface PrivacyState {
  readonly request: PrivacyRequest | null
  /** The resident said no last time: said once, then cleared by the next request. */
  readonly refused: boolean
}

let state: PrivacyState = { request: null, refused: false }
const listeners = new Set<() => void>()

function set(next: PrivacyState): void {
  state = next
  for (const listener of [...listeners]) listener()
}

export const privacyGate = {
  get: (): PrivacyState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
  /** WeChat asks: `answer` is the resolve function wx.onNeedPrivacyAuthorization handed over. */
  ask(what: PrivacyWhat, answer: (reply: { event: 'agree' | 'disagree'; buttonId?: string }) => void): void {
    const request: PrivacyRequest = {
      what,
      agree(buttonId) {
        if (state.request !== request) return
        set({ request: null, refused: false })
        answer({ event: 'agree', buttonId })
      },
      disagree() {
        if (state.request !== request) return
        set({ request: null, refused: true })
        answer({ event: 'disagree' })
      },
    }
    set({ request, refused: false })
  },
  dismiss(): void {
    set({ request: state.request, refused: false })
  },
}

/** Which call WeChat is holding, from the `referrer` it names (the API's name). */
export function privacyWhatFor(referrer: unknown): PrivacyWhat {
  const api = typeof referrer === 'string' ? referrer : ''
  if (/scanCode/i.test(api)) return 'scan'
  if (/record|authorize|voice|speech/i.test(api)) return 'voice'
  if (/chooseMedia|chooseImage|photo|album/i.test(api)) return 'photo'
  return 'other'
}
