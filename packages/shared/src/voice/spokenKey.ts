import { resources } from '@bangban/core/i18n'
import { personalPromptKey } from './settings'

/** Whether a resource key exists (every language has the keys of zh-CN). */
export function hasKey(key: string): boolean {
  let node: unknown = resources['zh-CN']
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

/** The key of a prompt that may hold personal data, in its "请看屏幕" form unless listening is private. */
export function spokenKey(key: string): string {
  return personalPromptKey(key, hasKey)
}
