/**
 * Ticket numbers: a letter for the queue (one per department or counter) and a 3-digit sequence
 * for the day, e.g. "A012". Short enough to call out and to read aloud digit by digit.
 */

export const TICKET_PATTERN = /^[A-Z]\d{3}$/

export function formatTicketNo(prefix: string, sequence: number): string {
  if (!/^[A-Z]$/.test(prefix)) throw new RangeError(`ticket prefix must be one letter A–Z: ${prefix}`)
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) {
    throw new RangeError(`ticket sequence must be 1–999: ${sequence}`)
  }
  return `${prefix}${sequence.toString().padStart(3, '0')}`
}

export function parseTicketNo(ticketNo: string): { prefix: string; sequence: number } | null {
  const text = ticketNo.trim().toUpperCase()
  if (!TICKET_PATTERN.test(text)) return null
  const sequence = Number(text.slice(1))
  return sequence >= 1 ? { prefix: text[0]!, sequence } : null
}

/** The queue letter for the n-th queue (0 → A … 25 → Z). */
export function ticketPrefixFor(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 25)
    throw new RangeError(`queue index must be 0–25: ${index}`)
  return String.fromCharCode(65 + index)
}
