/**
 * The last line of every printed receipt: the audit log's short head hash (issue 19), so a
 * resident keeps on paper what the log was when they were served; a log rewritten later no longer
 * has that head (docs/architecture.md). A receipt still prints when the service cannot say it.
 */
import type { ApiClient } from '@bangban/core/api/client'
import type { TFunction } from 'i18next'
import type { ReceiptLine } from '../platform/Platform'

export async function auditHeadLines(api: Pick<ApiClient, 'call'>, t: TFunction): Promise<ReceiptLine[]> {
  try {
    const head = await api.call('auditHead')
    return [{ label: t('pay.auditHead'), value: head.shortHash }]
  } catch {
    return []
  }
}
