// Issue 21: every report and every legacy seed printed from its web page by the browser, as a clerk
// prints a portal's page (Chrome's 页眉和页脚 included), reads back as the same report file as its
// Word document (own reports) or its web copy (legacy seeds). Two of these prints are kept as
// fixtures (import-forms.test.ts); the others are printed here by the test Chromium, so the
// repository does not carry a PDF of half a megabyte for each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readReportSource } from '../../electron/core/import/index';
import { FORM_SOURCES, LEGACY_SEEDS, printLikeAClerk } from '../fixtures/forms/make';
import { launchBrowser, repoRoot } from '../support/index';

const FORMS = join(repoRoot, 'test/fixtures/forms');
const SEEDS = join(repoRoot, 'test/fixtures/seeds');

test('each report and legacy seed printed by the browser gives the same report file', { timeout: 180_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    for (const name of [...FORM_SOURCES, ...LEGACY_SEEDS]) {
      const reference = (LEGACY_SEEDS as readonly string[]).includes(name)
        ? await readReportSource(`${name}.txt`, new Uint8Array(readFileSync(join(SEEDS, `${name}.txt`))))
        : await readReportSource(`${name}.docx`, new Uint8Array(readFileSync(join(FORMS, `${name}.docx`))));
      const pdf = await printLikeAClerk(page, name);
      const read = await readReportSource(`${name}-chromium.pdf`, new Uint8Array(pdf));
      assert.equal(read.source, 'pdf', name);
      assert.deepEqual(read.report, reference.report, `${name}: the browser's print gives the same report file`);
      // The print's running heads and feet are noted as removed, not read as text.
      assert.ok(
        read.notes.some((n) => n.kind === 'furniture' && n.text.includes('www.ya.gov.cn')),
        `${name}: the page address printed in the foot is noted as removed`,
      );
    }
  } finally {
    await browser.close();
  }
});
