/** Which release an instance runs: BANGBAN_RELEASE (set by the deployment, e.g. a tag), else the package version. */
import packageJson from '../../package.json'

export const PACKAGE_VERSION: string = packageJson.version

export function releaseOf(config: { readonly BANGBAN_RELEASE?: string | undefined }): string {
  return config.BANGBAN_RELEASE ?? PACKAGE_VERSION
}
