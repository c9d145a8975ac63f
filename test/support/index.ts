// The shared test harness: temp dirs, the real browser host, a headless Chromium.
export { tempDir, artifactsDir, repoRoot } from './temp';
export type { TempDir } from './temp';
export { startHost, hostApi, projectNode, STARTED_LINE } from './host';
export type { RunningHost } from './host';
export { launchBrowser, chromiumExecutable } from './browser';
export { assertAccessible } from './axe';
