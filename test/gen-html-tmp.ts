import { writeFileSync } from 'node:fs';
import { reportContent } from '../shared/print/content';
import { printDocumentHtml, paginate } from '../shared/print/html';
import { fullReport } from './fixtures/full-report';
const [v, out] = process.argv.slice(2);
const c = reportContent(fullReport(), { letterhead: v === 'red', sealed: v === 'sealed' });
const pages = paginate(c);
console.log(pages.length, pages.map((p) => p.items.length));
writeFileSync(out, printDocumentHtml(c));
