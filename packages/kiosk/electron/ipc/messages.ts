/**
 * What the page may send over IPC, validated in the main process: the page is treated as
 * untrusted input, so a receipt or an utterance of the wrong shape or size is refused.
 */
import { z } from 'zod'

export const receiptMessage = z
  .object({
    title: z.string().min(1).max(60),
    lines: z.array(z.object({ label: z.string().max(40), value: z.string().max(200) }).strict()).max(30),
    highlight: z.string().min(1).max(30).optional(),
    qr: z.string().min(1).max(500).optional(),
  })
  .strict()

export const speechLang = z.enum(['zh-CN', 'zh-HK', 'en'])

export const utteranceMessage = z
  .object({
    text: z.string().min(1).max(2000),
    lang: speechLang,
    rate: z.number().min(0.5).max(2),
    volume: z.number().min(0).max(1),
  })
  .strict()

/** How the page asks for the wipe: `reload: false` keeps the (already wiped) page for a helper. */
export const wipeMessage = z.object({ reload: z.boolean() }).strict().optional()
