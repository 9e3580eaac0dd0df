/** A ticket and a payment receipt as the booking and payment screens print them. */
import type { Receipt } from '@bangban/shared/platform/Platform'

export const TICKET: Receipt = {
  title: '预约凭条',
  highlight: 'A012',
  lines: [
    { label: '地点', value: '幸福里社区卫生服务中心' },
    { label: '科室', value: '全科' },
    { label: '日期', value: '2026-12-01 星期二' },
    { label: '时间', value: '上午 08:00–08:30' },
  ],
  qr: '7f9c2d4e-1b3a-4c5d-9e8f-0a1b2c3d4e5f',
}

export const PAYMENT: Receipt = {
  title: '缴费收据',
  highlight: '¥36.50',
  lines: [
    { label: '水费 2026年11月', value: '¥36.50' },
    { label: '付款时间', value: '2026-11-29 10:42' },
    { label: '付款编号', value: 'pay_01JDXK5Q8M3N7R2T4V6W8Y0Z1A' },
  ],
}
