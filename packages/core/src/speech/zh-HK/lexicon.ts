/** Cantonese words for reading numbers aloud, in Traditional characters as a yue voice or clip set says them. */
import { type ZhLexicon } from '../zh/types'

export const zhHKLexicon: ZhLexicon = {
  numerals: 'hk',
  digits: '零一二三四五六七八九',
  // Cantonese has no 幺: phone numbers use the plain digits.
  phoneDigits: '零一二三四五六七八九',
  two: '兩',
  minus: '負',
  point: '點',
  percent: '百分之',
  // Hong Kong speech: 元 … 毫 … 仙, 正 for a whole amount, and 兩毫 / 兩仙 for a lone 2.
  money: { yuan: '元', jiao: '毫', fen: '仙', whole: '正', subunitTwo: '兩' },
  // Spoken Cantonese says 號 for the day of the month.
  date: { year: '年', month: '月', day: '號' },
  weekdays: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  clock: {
    hour: '點',
    half: '半',
    minute: '分',
    periods: [
      { from: 0, word: '凌晨' },
      { from: 5, word: '朝早' },
      { from: 12, word: '中午' },
      { from: 13, word: '下晝' },
      { from: 18, word: '夜晚' },
    ],
  },
  units: {
    piece: '個',
    person: '位',
    place: '個',
    bill: '筆',
    item: '項',
    time: '次',
    minute: '分鐘',
    hour: '小時',
    day: '日',
  },
  measureWords: '個位名人次項筆張件份天歲元蚊點',
  rangeJoiner: '至',
  tail: '尾號',
}
