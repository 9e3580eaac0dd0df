/**
 * The kiosk session's policy: permissions (microphone only, when voice commands are on), device
 * access (none: HID, serial and USB stay with the main process), and which requests may leave the
 * page at all (app://kiosk and in-page data only; the service is reached through app://kiosk/api).
 */
import { isAppUrl } from '../security/origin'
import { permissionAllowed, permissionCheckAllowed } from '../security/permissions'

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      permission: string,
      origin: string,
      mediaTypes: readonly string[] | undefined,
      grant: (allowed: boolean) => void,
    ) => void,
  ): void
  setPermissionCheckHandler(
    handler: (permission: string, origin: string, mediaType: string | undefined) => boolean,
  ): void
  setDevicePermissionHandler(handler: () => boolean): void
  /** Cancels a request when the handler says false. */
  onBeforeRequest(handler: (url: string) => boolean): void
}

const IN_PAGE = /^(data|blob):/

export function requestAllowed(url: string, devTools: boolean): boolean {
  if (isAppUrl(url) || IN_PAGE.test(url)) return true
  return devTools && /^devtools:/.test(url)
}

export function secureSession(
  session: GuardedSession,
  options: {
    voiceCommands: boolean
    devTools: boolean
    log: (event: string, detail?: Record<string, string>) => void
  },
): void {
  session.setPermissionRequestHandler((permission, origin, mediaTypes, grant) => {
    const allowed = permissionAllowed(
      { permission, origin, ...(mediaTypes ? { mediaTypes } : {}) },
      options.voiceCommands,
    )
    if (!allowed) options.log('permission-refused', { permission })
    grant(allowed)
  })
  session.setPermissionCheckHandler((permission, origin, mediaType) =>
    permissionCheckAllowed(permission, origin, mediaType, options.voiceCommands),
  )
  session.setDevicePermissionHandler(() => false)
  session.onBeforeRequest((url) => requestAllowed(url, options.devTools))
}
