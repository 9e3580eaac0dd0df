import { createAssociations, type WordData } from '../src/associations'

const data: WordData = {
  simplified: { 路: '路线 路上 路灯 路口', 漏: '漏洞 漏水' },
  traditional: { 路: '路線 路上 路燈' },
}

describe('associations', () => {
  it('offers the words that begin with the chosen character, most common first', () => {
    const words = createAssociations(data)
    expect(words.words('路', 3)).toEqual(['路线', '路上', '路灯'])
    expect(words.next('路')).toEqual(['线', '上', '灯', '口'])
  })

  it('answers in the script of the recogniser', () => {
    expect(createAssociations(data, { script: 'traditional' }).words('路')).toEqual(['路線', '路上', '路燈'])
  })

  it('offers nothing for a character it has no words for, nor for names of object properties', () => {
    const words = createAssociations(data)
    expect(words.words('龘')).toEqual([])
    expect(words.next('constructor')).toEqual([])
  })
})
