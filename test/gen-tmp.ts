import { writeFileSync } from 'node:fs';
import { buildDocx } from '../electron/core/export/docx';
import { fullReport } from './fixtures/full-report';
const [fmt, variant, out] = process.argv.slice(2);
const doc = fmt === 'gov-2019' ? fullReport({ formatId: 'gov-2019', year: 2020 }) : fullReport();
buildDocx(doc, { letterhead: variant === 'red', sealed: variant === 'sealed' } as any).then((b) => writeFileSync(out, b));
