/**
 * The Content-Security-Policy of every page the shell serves. Everything comes from app://kiosk
 * (the service is reached through it), so 'self' is enough and nothing remote may load or run.
 */
export const SHELL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Taro's H5 runtime sets element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "manifest-src 'none'",
  // The handwriting and pinyin worker (src/textInput/worker.ts), a script of the app itself.
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** The staff error page has no script at all. */
export const STATIC_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
