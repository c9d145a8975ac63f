// LibreOffice renders the Word file for the layout tests; one element it reads the other way round.
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
