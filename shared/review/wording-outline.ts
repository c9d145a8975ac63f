// Structure (spec §6.2 E6): outline numbers out of sequence or malformed, and a stated number of parts that differs from the parts listed.
import { getFormat, isGovFormatId } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import type { OutlineFact } from './facts';
import { factsOf } from './facts';
import { LEGACY_PART_NAMES } from './phrases';
import type { TextSource } from './text';
import { excerpt, textFinding } from './text';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function numberAs(level: OutlineFact['level'], n: number): string {
  const cn = CN[n] ?? String(n);
  return level === 1 ? `${cn}、` : level === 2 ? `（${cn}）` : level === 3 ? `${n}.` : `（${n}）`;
}

/** Outline numbers of each section: each level counts 1, 2, 3 … under its parent. */
export function checkOutline(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  for (const src of sources) {
    if (!/^[a-z_]+$/.test(src.section) && !src.section.startsWith('legacy.')) continue;
    const outline = factsOf(src.text).outline;
    if (outline.length === 0) continue;
    const last: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
    /** the last number at each level anywhere in the section (1. 2. may run on under a new parent) */
    const running: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
    for (const o of outline) {
      if (o.malformed) {
        out.push(
          textFinding(
            'review.outline',
            `${src.label}中的序号“${o.raw}”括号不成对${/[()]/.test(o.raw) && /[（）]/.test(o.raw) ? '（全角、半角混用）' : ''}。请写为“${numberAs(o.level, o.n)}”。`,
            src,
            o.start,
            o.end,
            lineAt(src.text, o.start),
          ),
        );
      }
      // 「其中：1．…」 opens a list of its own (the rows of a pasted statistics table).
      if (o.raw.startsWith('其中')) last[o.level] = running[o.level] = undefined;
      const prev = last[o.level];
      const run = running[o.level];
      // A lower level under a new parent starts again at 1.
      for (let l = o.level + 1; l <= 4; l++) last[l] = undefined;
      last[o.level] = o.n;
      running[o.level] = o.n;
      const expected = prev === undefined ? 1 : prev + 1;
      if (o.n === expected) continue;
      // 1. 2. and （1）（2） often run on across their parents (（4）, 2., （5）): accepted.
      if (prev === undefined && o.level >= 3 && run !== undefined && o.n === run + 1) continue;
      // A part's text may go on with the report's own numbering (五、…): only gaps after it count.
      if (prev === undefined && o.level === 1) continue;
      // 1. 2. 3. of the problems, then 1. 2. 3. of the measures: a new list starts again at 1.
      if (o.n === 1 && o.level >= 3) continue;
      const what =
        prev === undefined
          ? `没有“${numberAs(o.level, 1)}”就出现了“${o.raw}”`
          : o.n === prev
            ? `“${o.raw}”重复了`
            : `“${numberAs(o.level, prev)}”之后是“${o.raw}”`;
      out.push(
        textFinding(
          'review.outline',
          `${src.label}中的序号不连续：${what}。请按顺序编号（应为“${numberAs(o.level, expected)}”），或补上漏掉的部分。`,
          src,
          o.start,
          o.end,
          lineAt(src.text, o.start),
        ),
      );
    }
  }
  return out;
}

function lineAt(text: string, pos: number): string {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  const e = text.indexOf('\n', pos);
  return text.slice(s, e < 0 ? text.length : e);
}

/** “本报告由……六部分组成” against the parts it lists, and against the format's six parts. */
export function checkPartsCount(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const formatParts = isGovFormatId(doc.formatId) ? getFormat(doc.formatId).sections.length : 0;
  for (const src of sources) {
    for (const p of factsOf(src.text).parts) {
      // Any reading of the items (an item with 和 as one part or two) that gives the stated number is taken.
      const fits = p.stated >= Math.min(p.listedFew, p.listed) && p.stated <= Math.max(p.listed, p.listedOr);
      // A listing by the pre-2019 outline (概述, 收费及减免) is review.legacy_heading's.
      const legacy = LEGACY_PART_NAMES.some((re) => re.test(p.list));
      const problem =
        p.listed && !fits
          ? `说共有${p.stated}个部分，却列出了${p.listed}个`
          : formatParts && p.stated !== formatParts && !legacy
            ? `说共有${p.stated}个部分，而年度报告格式规定的是${formatParts}个部分`
            : '';
      if (!problem) continue;
      out.push(
        textFinding(
          'review.parts_count',
          `${src.label}中「${excerpt(src.text, p.start, p.end)}」${problem}。请核对部分的数目，与正文的部分一致。`,
          src,
          p.start,
          p.end,
        ),
      );
    }
  }
  return out;
}
