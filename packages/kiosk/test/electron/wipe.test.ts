/** The main process's wipe at the end of every visit. */
import { HOME_URL } from '../../electron/security/origin'
import { createWiper, type WipeTarget } from '../../electron/session/wipe'

function fakeTarget(steps: string[], fail?: string): WipeTarget {
  const step = (name: string) => async () => {
    await new Promise((resolve) => setTimeout(resolve, 1))
    if (name === fail) throw new Error(`${name} failed`)
    steps.push(name)
  }
  return {
    session: {
      clearStorageData: step('clearStorageData'),
      clearCache: step('clearCache'),
      clearAuthCache: step('clearAuthCache'),
    },
    loadURL: async (url) => {
      steps.push(`load ${url}`)
    },
    resetDevices: () => steps.push('resetDevices'),
  }
}

describe('the wipe', () => {
  it('forgets the devices, clears storage, caches and auth, then loads the welcome screen, in that order', async () => {
    const steps: string[] = []
    await createWiper(() => fakeTarget(steps), jest.fn()).wipe()
    expect(steps).toEqual([
      'resetDevices',
      'clearStorageData',
      'clearCache',
      'clearAuthCache',
      `load ${HOME_URL}`,
    ])
    expect(HOME_URL).toBe('app://kiosk/index.html')
  })

  it('runs once for calls that overlap, and again for a later call', async () => {
    const steps: string[] = []
    const wiper = createWiper(() => fakeTarget(steps), jest.fn())
    await Promise.all([wiper.wipe(), wiper.wipe(), wiper.wipe()])
    expect(steps.filter((s) => s === 'clearStorageData')).toHaveLength(1)
    await wiper.wipe()
    expect(steps.filter((s) => s === 'clearStorageData')).toHaveLength(2)
  })

  it('does not show the welcome screen over a session it failed to clear, and says so', async () => {
    const steps: string[] = []
    const log = jest.fn()
    const wiper = createWiper(() => fakeTarget(steps, 'clearStorageData'), log)
    await expect(wiper.wipe()).rejects.toThrow('clearStorageData failed')
    expect(steps.some((s) => s.startsWith('load'))).toBe(false)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('wipe failed'))
  })

  it('keeps the page when a helper stays signed in, but still clears every store', async () => {
    const steps: string[] = []
    await createWiper(() => fakeTarget(steps), jest.fn()).wipe({ reload: false })
    expect(steps).toEqual(['resetDevices', 'clearStorageData', 'clearCache', 'clearAuthCache'])
  })

  it('a wipe that needs the reload is not swallowed by a running one without it', async () => {
    const steps: string[] = []
    const wiper = createWiper(() => fakeTarget(steps), jest.fn())
    await Promise.all([wiper.wipe({ reload: false }), wiper.wipe(), wiper.wipe({ reload: false })])
    expect(steps.filter((s) => s === 'clearStorageData')).toHaveLength(2)
    expect(steps[steps.length - 1]).toBe(`load ${HOME_URL}`)
  })

  it('does nothing when the window is gone', async () => {
    await expect(createWiper(() => null, jest.fn()).wipe()).resolves.toBeUndefined()
  })
})
