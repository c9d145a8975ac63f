// Renders build/icon.svg to build/resources/icon.png (512×512), the icon electron-builder takes for
// every platform (it makes the Windows .ico from it). Run after changing the SVG: npx tsx build/make-icon.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../test/support/browser';

const root = join(import.meta.dirname, '..');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(join(root, 'build/icon.svg'), 'utf8')}</body></html>`);
  await page.screenshot({ path: join(root, 'build/resources/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
