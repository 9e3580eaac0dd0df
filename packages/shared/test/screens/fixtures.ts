/** Data as the service sends it, checked against the contract so the flows are tested on real shapes. */
import { Appointment, Slot } from '@bangban/core/api/booking'
import { Bill } from '@bangban/core/api/bills'
import { Payment } from '@bangban/core/api/payments'
import { RequestCategory, ServiceRequest } from '@bangban/core/api/requests'
import { resources, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'

export function slot(id: string, serviceId = 'svc-gp', startsAt = '2026-12-01T01:00:00.000Z'): Slot {
  const ends = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString()
  return Slot.parse({ id, serviceId, startsAt, endsAt: ends, capacity: 10, remaining: 3 })
}

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return Appointment.parse({
    id: 'appt-1',
    slotId: 'slot-1',
    serviceId: 'svc-gp',
    serviceName: 'General practice',
    providerName: 'Community health centre',
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T01:30:00.000Z',
    ticketNo: 'A012',
    status: 'booked',
    createdAt: '2026-11-28T01:00:00.000Z',
    cancelledAt: null,
    ...overrides,
  })
}

export function bill(id: string, amountFen: number, status: 'unpaid' | 'paid' = 'unpaid'): Bill {
  return Bill.parse({
    id,
    kind: 'water',
    accountNo: 'W1000001',
    period: '2026-10',
    amountFen,
    status,
    lines: [{ label: 'Water', amountFen }],
    dueDate: '2026-12-15',
    holderMaskedName: 'W*M',
    holderMaskedAddress: '幸福里小区 3 号楼 * 单元 *** 室',
    payee: '幸福里便民缴费代收点',
    paidAt: status === 'paid' ? '2026-11-01T01:00:00.000Z' : null,
    openPaymentId: null,
  })
}

export function payment(
  id: string,
  status: Payment['status'],
  amountFen = 12_345,
  billIds: string[] = ['b1'],
): Payment {
  return Payment.parse({
    id,
    paymentNo: 'P261129-0001',
    status,
    method: 'wechat-native',
    provider: 'sandbox',
    amountFen,
    billIds,
    createdAt: '2026-11-29T02:00:00.000Z',
    expiresAt: '2026-11-29T02:30:00.000Z',
    paidAt: status === 'paid' ? '2026-11-29T02:01:00.000Z' : null,
    closedAt: status === 'closed' ? '2026-11-29T02:30:00.000Z' : null,
    codeUrl: 'weixin://wxpay/bizpayurl?pr=abc',
    requestPayment: null,
    cash: null,
    refund: null,
  })
}

export function category(id: string, kind: RequestCategory['kind'] = 'repair'): RequestCategory {
  return RequestCategory.parse({ id, name: `Category ${id}`, kind, timeLimitHours: 48 })
}

export function serviceRequest(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return ServiceRequest.parse({
    id: 'req-1',
    requestNo: 'R20261129007',
    categoryId: 'cat-repair',
    categoryName: 'Repair',
    description: 'Leaking pipe',
    address: null,
    gridId: 'grid-1',
    gridName: 'Grid 1',
    status: 'dispatched',
    assignee: { maskedName: 'L*', gridId: 'grid-1' },
    createdAt: '2026-11-29T02:00:00.000Z',
    dueAt: '2026-12-01T02:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    escalated: false,
    rating: null,
    timeline: [],
    maskedContactPhone: '138****5678',
    ...overrides,
  })
}

/** The languages (if any) whose resources lack this key: every key a flow names must be in all. */
export function languagesMissing(key: string): string[] {
  return SUPPORTED_LANGUAGES.filter((lang) => {
    let node: unknown = resources[lang]
    for (const part of key.split('.')) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    }
    return typeof node !== 'string'
  })
}
