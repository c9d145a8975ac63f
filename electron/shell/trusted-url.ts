// Which URLs and frames the desktop window trusts. Pure functions (no 'electron' import) so the
// tests can check them directly: the page lives at app://nianbao/ and nothing else is trusted.
export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://nianbao/… with no credentials or port (anything else is not our page). */
export function isTrustedAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** The subset of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  url: string;
  parent: unknown | null;
}

/** IPC is answered only for our page's main frame: not an iframe, not a detached or foreign frame. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isTrustedAppUrl(frame.url);
}

/** Navigation inside the window is allowed only between our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedAppUrl(url);
}
