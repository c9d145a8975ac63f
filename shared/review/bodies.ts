// Wrong body (spec §6.2 W5), read from the facts layer's names of bodies: in a 乡镇 or 街道 report,
// a province, city or county (全省、全市、市政府、县政府办公室) written as the body that did the work
// or received the applications — text copied from the county's own report.
import type { Finding, ReportDoc } from '../report';
import { factsOf } from './facts';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

/** What may stand in the clause before the body: a time, a linking word. */
const LEAD = /^(?:(?:19|20)\d{2}[ \u3000]*年度?|本年度?|全年|今年|年内|同时|此外|另外|一年来|[一二三四五六七八九十]是)?[ \u3000]*$/;
/** The body does the work: 全市共收到申请…, 县政府办公室全年主动公开…. */
const DOER =
  /^[ \u3000]*(?:本年度?|全年|今年|年内|共|累计|共计|一共|已|还|又|积极|认真|严格|及时|依法|切实|主动)*(收到|受理|新收|接收|办理|办结|答复|主动公开|公开|发布|制发|印发|作出|结转|处理|更新|维护)/;
/** Verbs about applications: the body received or handled them, a count or not. */
const RECEIVED = /^(收到|受理|新收|接收|办理|办结|答复|结转|处理)$/;

export function checkWrongLevel(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  if (doc.unit.kind !== 'township' && doc.unit.kind !== 'subdistrict') return [];
  const out: Finding[] = [];
  const own = doc.unit.kind === 'township' ? '我镇（乡）' : '我街道';
  for (const src of sources) {
    if (src.section === 'title' || src.section === 'signature' || src.section === 'period') continue;
    const facts = factsOf(src.text);
    for (const b of facts.bodies) {
      const text = src.text;
      let cs = b.start - 1;
      while (cs >= 0 && !'，,。；;：:\n！？'.includes(text.charAt(cs))) cs--;
      if (!LEAD.test(text.slice(cs + 1, b.start))) continue;
      const doer = DOER.exec(text.slice(b.end, b.end + 14));
      if (!doer) continue;
      // Other work counts only with a figure in the clause (县政府主动公开信息3200条): that is the
      // county's report copied; “县政府更新了指南” alone may tell what the county did.
      if (!RECEIVED.test(doer[1]!)) {
        let ce = b.end;
        while (ce < text.length && !'，,。；;\n！？'.includes(text.charAt(ce))) ce++;
        if (!facts.quantities.some((q) => q.start >= b.end && q.end <= ce)) continue;
      }
      out.push(
        textFinding(
          'review.wrong_level',
          `${src.label}中「${excerpt(text, b.start, b.end)}」把“${b.name}”写成了做这项工作的机关，而本报告是${doc.unit.name}的。这往往是照搬县（市）报告留下的：请改为${own}的情况和数字；确实是在转述上级的情况，请写明“按照${b.name}部署”等。`,
          src,
          b.start,
          b.end,
          excerpt(text, b.start, b.end),
        ),
      );
    }
  }
  return out;
}
