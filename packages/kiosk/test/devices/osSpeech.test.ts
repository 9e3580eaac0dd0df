/** OS voices through the main process: the commands, and one utterance at a time. */
import { EventEmitter } from 'node:events'
import { speechCommand, voiceProbeCommand } from '../../electron/devices/speech/osSpeech'
import { osSpeech, type ChildLike } from '../../electron/devices/speech/speechRunner'

const U = { text: '您的号码是 A 零一二', lang: 'zh-CN' as const, rate: 0.8, volume: 1 }

describe('speech commands', () => {
  it('on Windows speaks stdin with a voice of the language, never putting the text in the command', () => {
    const command = speechCommand('win32', { ...U, text: "'; Remove-Item C:\\ -Recurse; '" })!
    expect(command.command).toBe('powershell.exe')
    expect(command.stdin).toBe("'; Remove-Item C:\\ -Recurse; '")
    expect(command.args.join(' ')).not.toContain('Remove-Item')
    expect(command.args.join(' ')).toContain("Culture.Name -eq 'zh-CN'")
    expect(command.args.join(' ')).toContain('$s.Rate = -4')
    expect(command.args.join(' ')).toContain('$s.Volume = 100')
    expect(speechCommand('win32', { ...U, lang: 'zh-HK' })!.args.join(' ')).toContain("'zh-HK'")
  })

  it('on Linux asks speech-dispatcher, with the text as one argument', () => {
    expect(speechCommand('linux', { ...U, lang: 'zh-HK', rate: 1.5, volume: 0.5 })).toEqual({
      command: 'spd-say',
      args: ['--wait', '--language', 'yue', '--rate', '50', '--volume', '0', U.text],
      stdin: null,
    })
    expect(speechCommand('linux', { ...U, text: '--help me' })!.args.at(-1)).toBe('help me')
    expect(speechCommand('linux', { ...U, text: '---' })).toBeNull()
  })

  it('has nothing on other systems', () => {
    expect(speechCommand('darwin', U)).toBeNull()
    expect(voiceProbeCommand('darwin', 'zh-CN')).toBeNull()
  })
})

class FakeChild extends EventEmitter implements ChildLike {
  stdinText: string | undefined = 'not written'
  killed = false
  readonly stdin = { end: (text?: string) => void (this.stdinText = text) }
  kill() {
    this.killed = true
    setImmediate(() => this.emit('exit', null))
    return true
  }
}

describe('the speech runner', () => {
  it('cancels the last utterance when a new one starts, and resolves when it ends', async () => {
    const children: FakeChild[] = []
    const speech = osSpeech('win32', () => {
      const child = new FakeChild()
      children.push(child)
      return child
    })
    const first = speech.speak(U)
    const second = speech.speak({ ...U, text: '第二句' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(children[0]!.killed).toBe(true)
    expect(children[1]!.stdinText).toBe('第二句')
    await first
    children[1]!.emit('exit', 0)
    await second
    await speech.cancel()
    expect(children[1]!.killed).toBe(false)
  })

  it('asks once per language whether a voice exists', async () => {
    let spawned = 0
    const speech = osSpeech('win32', () => {
      spawned += 1
      const child = new FakeChild()
      setImmediate(() => child.emit('exit', spawned === 1 ? 0 : 3))
      return child
    })
    await expect(speech.available('zh-CN')).resolves.toBe(true)
    await expect(speech.available('zh-CN')).resolves.toBe(true)
    await expect(speech.available('zh-HK')).resolves.toBe(false)
    expect(spawned).toBe(2)
  })

  it('says no voice when the engine is missing', async () => {
    const speech = osSpeech('linux', () => {
      const child = new FakeChild()
      setImmediate(() => child.emit('error', new Error('ENOENT')))
      return child
    })
    await expect(speech.available('zh-CN')).resolves.toBe(false)
  })
})
