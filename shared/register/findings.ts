// Findings for a report whose table 三 was counted from the register: a figure typed over a
// computed cell that disagrees with the register names the applications behind the cell, and a
// text that says every application was answered in time while the register has one late says so.
import { formatModel, isGovFormatId, SECTION_HEADINGS, SECTION_KEYS } from '../formats/index';
import type { Finding, ReportDoc } from '../report';
import { severityOf } from '../rules/registry';
import { registerCellKeys } from './table3';

/** How many ids a message names before it says “等 N 件”. */
const NAMED = 10;

export function namedIds(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMED).join('、');
  return ids.length > NAMED ? `${shown}等 ${ids.length} 件` : shown;
}

function disagreements(doc: ReportDoc): Finding[] {
  const summary = doc.register;
  if (!summary?.tables.includes('t3') || !isGovFormatId(doc.formatId)) return [];
  const byKey = formatModel(doc.formatId).byKey;
  const out: Finding[] = [];
  for (const key of registerCellKeys(doc.formatId)) {
    const typed = doc.cells[key];
    const ids = summary.sources[key] ?? [];
    if (typed === undefined || typed === ids.length) continue;
    const label = byKey.get(key)?.label ?? key;
    const behind = ids.length ? `台账中计入这一格的是 ${ids.length} 件（${namedIds(ids)}）` : '台账中没有计入这一格的申请';
    out.push({
      rule: 'register.t3_disagrees',
      severity: severityOf('register.t3_disagrees'),
      message: `“${label}”填写为 ${typed} 件，与申请登记台账不一致：${behind}。请核对：台账有误的，在台账中更正这些申请后重新计算；台账无误的，把这一格改回 ${ids.length}。`,
      cells: [key],
      expected: ids.length,
      actual: typed,
      id: `register.t3_disagrees:${key}`,
    });
  }
  return out;
}

/** “均在法定期限内答复”“均按期答复”“全部按时答复”: a claim that no answer was late. */
const ALL_IN_TIME =
  /(均|全部|都|全都|100%|百分之百)(已|能|能够|得以)?(在法定期限内|按期|按时|依法按时|依法按期|在规定时限内|在规定期限内)(予以|作出|进行)?(答复|办结|办理)/g;

function inTimeClaims(doc: ReportDoc): Finding[] {
  const overdue = doc.register?.overdue ?? [];
  if (overdue.length === 0) return [];
  const out: Finding[] = [];
  for (const section of SECTION_KEYS) {
    const text = doc.sections[section];
    if (!text) continue;
    for (const m of text.matchAll(ALL_IN_TIME)) {
      const start = m.index;
      const end = start + m[0].length;
      out.push({
        rule: 'register.overdue_denied',
        severity: severityOf('register.overdue_denied'),
        message: `${SECTION_HEADINGS[section]}中说申请“${m[0]}”，而申请登记台账中有 ${overdue.length} 件逾期答复（${namedIds(overdue)}）。请如实写明逾期的件数和原因，或在台账中核对这些申请的答复日期。`,
        cells: [],
        location: { section, start, end, quote: m[0] },
        id: `register.overdue_denied:${section}:${start}`,
      });
    }
  }
  return out;
}

export function registerFindings(doc: ReportDoc): Finding[] {
  return [...disagreements(doc), ...inTimeClaims(doc)];
}
