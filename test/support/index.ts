// The shared test harness: temp dirs, the real browser host, a headless Chromium.
export { tempDir, artifactsDir, repoRoot } from './temp';
export type { TempDir } from './temp';
export { startHost, hostApi, pageApi, pageSession, projectNode, storeReport, STARTED_LINE } from './host';
export { startSquatter } from './squatter';
export type { Squatter, SquatterRequest } from './squatter';
export type { RunningHost } from './host';
export { launchBrowser, chromiumExecutable } from './browser';
export { assertAccessible } from './axe';
