/**
 * Signing in from the mini-program with WeChat: the phone's `wx.login` code is exchanged by the
 * service for the user's openid. An openid not yet linked to a resident is linked once, after the
 * resident proves their mobile number with an SMS code; later sign-ins need nothing but WeChat.
 */
import { z } from 'zod'
import { Instant } from './common'
import { PhoneSignInRequest, SessionResponse } from './identity'

/** What `wx.login` gives the mini-program: one-time, valid five minutes. */
export const WechatSignInRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
})
export type WechatSignInRequest = z.infer<typeof WechatSignInRequest>

export const WechatSignInResponse = z.discriminatedUnion('outcome', [
  SessionResponse.extend({ outcome: z.literal('signed-in') }),
  z.object({
    outcome: z.literal('needs-link'),
    /** Proves this WeChat user to the link route; the openid itself never reaches the phone. */
    linkToken: z.string(),
    expiresAt: Instant,
  }),
])
export type WechatSignInResponse = z.infer<typeof WechatSignInResponse>

export const LINK_TOKEN = /^[A-Za-z0-9_-]{32,64}$/

/** The first time: the mobile number and SMS code (sent by requestPhoneCode) link this WeChat. */
export const WechatLinkRequest = PhoneSignInRequest.extend({ linkToken: z.string().regex(LINK_TOKEN) })
export type WechatLinkRequest = z.infer<typeof WechatLinkRequest>

/** Subscribe messages the mini-program may ask the user to accept (template ids; null: not offered). */
export const SubscribeTemplates = z.object({
  appointment: z.string().nullable(),
  request: z.string().nullable(),
})
export type SubscribeTemplates = z.infer<typeof SubscribeTemplates>

export const MessageKind = z.enum(['appointment', 'request'])
export type MessageKind = z.infer<typeof MessageKind>

/** The kinds the user tapped 允许 for in wx.requestSubscribeMessage: one message each. */
export const SubscribeRequest = z.strictObject({ accepted: z.array(MessageKind).max(2) })
export type SubscribeRequest = z.infer<typeof SubscribeRequest>

export const SubscribeResponse = z.object({
  credits: z.object({ appointment: z.number().int(), request: z.number().int() }),
})
export type SubscribeResponse = z.infer<typeof SubscribeResponse>
