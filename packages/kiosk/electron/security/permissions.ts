/**
 * Permission policy: everything is refused, except audio capture for voice commands when the
 * kiosk's configuration turns them on, and only for our own pages.
 */
import { isAppUrl } from './origin'

export interface PermissionQuery {
  readonly permission: string
  /** The page or frame asking. */
  readonly origin: string
  /** For 'media': what is asked for ('audio', 'video'). */
  readonly mediaTypes?: readonly string[]
}

export function permissionAllowed(query: PermissionQuery, voiceCommands: boolean): boolean {
  if (!voiceCommands || query.permission !== 'media' || !isAppUrl(query.origin)) return false
  // A camera request (or one that does not say what it wants) is not the microphone.
  const types = query.mediaTypes ?? []
  return types.length > 0 && types.every((type) => type === 'audio')
}

/** For the synchronous permission check (e.g. `navigator.permissions.query`): same answer. */
export function permissionCheckAllowed(
  permission: string,
  origin: string,
  mediaType: string | undefined,
  voiceCommands: boolean,
): boolean {
  return permissionAllowed(
    { permission, origin, ...(mediaType && mediaType !== 'unknown' ? { mediaTypes: [mediaType] } : {}) },
    voiceCommands,
  )
}
