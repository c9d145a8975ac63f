// LibreOffice renders the Word file for the layout tests; one element it reads the other way round.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * The .docx with each w:overflowPunct turned into the value LibreOffice reads as what Word and WPS
 * read. LibreOffice's DOCX import inverts the element (writerfilter's DomainMapper sets
 * ParaIsHangingPunctuation to `val == 0`, while its own DOCX export writes the hanging setting as
 * it is): the file's 「允许标点溢出边界」 off (val 0) renders with punctuation hanging past the
 * 版心, val 1 without. Nothing else changes; a file without the element (hanging on in Word, WPS
 * and LibreOffice alike) passes through as it is.
 */
export function asWordReadsIt(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  for (const name of Object.keys(files)) {
    if (!/^word\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]);
    if (!xml.includes('w:overflowPunct')) continue;
    files[name] = strToU8(
      xml.replace(/<w:overflowPunct(?: w:val="([^"]*)")?\/>/g, (_m, val?: string) => {
        const on = val === undefined || ['1', 'true', 'on'].includes(val);
        return `<w:overflowPunct w:val="${on ? '0' : '1'}"/>`;
      }),
    );
  }
  return zipSync(files);
}

export const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
export const SOFFICE_SKIP = 'LibreOffice (soffice) 未安装：跳过渲染检查。安装 libreoffice-writer-nogui 与 poppler-utils 后重跑。';

/**
 * Renders Word files through one LibreOffice start, each as Word reads it (asWordReadsIt), and gives
 * each one's `pdftotext -bbox-layout` and PDF by name. `cleanup` removes the work folder and the profile.
 */
export function renderAsWordReadsIt(
  prefix: string,
  docs: Map<string, Uint8Array>,
): { bbox: Map<string, string>; pdfPath: (name: string) => string; cleanup: () => void } {
  const work = mkdtempSync(join(tmpdir(), `nianbao-${prefix}-`));
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  const cleanup = () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const files = [...docs].map(([name, bytes]) => {
      const path = join(work, `${name}.docx`);
      writeFileSync(path, asWordReadsIt(bytes));
      return path;
    });
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    const bbox = new Map(
      [...docs.keys()].map((name) => [
        name,
        execFileSync('pdftotext', ['-bbox-layout', join(work, `${name}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
      ]),
    );
    return { bbox, pdfPath: (name) => join(work, `${name}.pdf`), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}
