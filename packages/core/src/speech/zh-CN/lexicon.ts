/** Mandarin words for reading numbers aloud (Simplified characters, as a zh-CN voice expects). */
import { type ZhLexicon } from '../zh/types'

export const zhCNLexicon: ZhLexicon = {
  numerals: 'cn',
  digits: '零一二三四五六七八九',
  // Phone numbers say 幺 for 1 so that 一 and 七 are not confused.
  phoneDigits: '零幺二三四五六七八九',
  two: '两',
  minus: '负',
  point: '点',
  percent: '百分之',
  // 元角分 is the register of an announced amount; 角/分 keep 二 (一元二角), 块/毛 would use 两.
  money: { yuan: '元', jiao: '角', fen: '分', whole: '整', subunitTwo: '二' },
  date: { year: '年', month: '月', day: '日' },
  weekdays: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  clock: {
    hour: '点',
    half: '半',
    minute: '分',
    periods: [
      { from: 0, word: '凌晨' },
      { from: 5, word: '早上' },
      { from: 8, word: '上午' },
      { from: 12, word: '中午' },
      { from: 13, word: '下午' },
      { from: 18, word: '晚上' },
    ],
  },
  units: {
    piece: '个',
    person: '位',
    place: '个',
    bill: '笔',
    item: '项',
    time: '次',
    minute: '分钟',
    hour: '小时',
    day: '天',
  },
  measureWords: '个位名人次项笔张件份天岁元块点',
  rangeJoiner: '到',
  tail: '尾号',
}
