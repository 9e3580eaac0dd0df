/** The little of jsdom (a hoisted dependency of the test tools, without its own types) the simulator uses. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { pretendToBeVisual?: boolean })
    readonly window: Window & typeof globalThis
  }
}
