/** Where the built H5 and the preload are: beside the compiled shell, or in the package's resources. */
import path from 'node:path'

export interface ShellPaths {
  /** The built H5 served at app://kiosk. */
  readonly h5Root: string
  readonly preload: string
}

export function shellPaths(where: {
  isPackaged: boolean
  resourcesPath: string
  shellDir: string
}): ShellPaths {
  return {
    // electron-builder copies dist/h5 to resources/h5 (extraResources); in development the
    // shell runs from dist/electron beside dist/h5.
    h5Root: where.isPackaged ? path.join(where.resourcesPath, 'h5') : path.resolve(where.shellDir, '../h5'),
    preload: path.join(where.shellDir, 'preload.js'),
  }
}
