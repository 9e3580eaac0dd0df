/**
 * The i18n key of an audit action: API operations keep their name (createAppointment), consent
 * events lose their dots and dashes (consent.token-issued → consentTokenIssued), so no name ever
 * walks into a nested key by accident.
 */
export function auditActionKey(action: string): string {
  const key = action.replace(/[^A-Za-z0-9]+([A-Za-z0-9])?/g, (_, next: string | undefined) =>
    next ? next.toUpperCase() : '',
  )
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : 'generic'
}
