import { reportContent } from '../shared/print/content';
import { paginate } from '../shared/print/paginate';
import { fullReport } from './fixtures/full-report';
const c = reportContent(fullReport());
for (const p of paginate(c)) console.log(p.number, p.items.map((i) => i.kind === 'table' ? `T${i.grid.id}[${i.header.length}+${i.rows[0]}..${i.rows.at(-1)}]=${i.heightPt.toFixed(0)}` : i.kind[0]).join(' '));
