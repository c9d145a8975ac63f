// A headless Chromium for end-to-end tests: CHROMIUM_PATH if set, else the one @sparticuz/chromium
// unpacks (installed by `npm install`), driven by playwright-core.
import { chromium, type Browser } from 'playwright-core';

const EXTRA_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--lang=zh-CN',
];

export async function chromiumExecutable(): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { executablePath: fromEnv, args: [] };
  const { default: Chromium } = await import('@sparticuz/chromium');
  // Its serverless flag set turns web security off (--disable-web-security, insecure content):
  // tests must see the page as a clerk's browser does, so none of those flags are used.
  return { executablePath: await Chromium.executablePath(), args: [] };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await chromiumExecutable();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...new Set([...args, ...EXTRA_ARGS])],
  });
}
