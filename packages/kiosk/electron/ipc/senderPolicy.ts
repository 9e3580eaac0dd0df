/** IPC is answered only for the kiosk window's own top frame showing an app://kiosk page. */
import { isAppUrl } from '../security/origin'

export interface SenderInfo {
  /** webContents id of the sender. */
  readonly contentsId: number
  /** URL of the sending frame, if it still exists. */
  readonly frameUrl: string | undefined
  /** Whether the sending frame is the top frame. */
  readonly topFrame: boolean
}

export function senderAllowed(sender: SenderInfo, kioskContentsId: number | null): boolean {
  return (
    kioskContentsId !== null &&
    sender.contentsId === kioskContentsId &&
    sender.topFrame &&
    sender.frameUrl !== undefined &&
    isAppUrl(sender.frameUrl)
  )
}
