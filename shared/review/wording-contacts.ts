// E-mail addresses and telephone numbers that cannot be one, in the text and in the unit's contact fields.
import type { Finding, ReportDoc } from '../report';
import { severityOf } from '../rules/registry';
import type { Mark } from './facts';
import { factsOf, memo } from './facts';
import type { TextSource } from './text';
import { textFinding } from './text';

/** E-mail addresses and telephone numbers, in the text and in the unit's contact fields. */
const EMAIL_CANDIDATE = /[A-Za-z0-9._%+\-\u4e00-\u9fa5]*[@＠][A-Za-z0-9.\-\u4e00-\u9fa5。，,]*/g;
const EMAIL_OK = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const PHONE_AFTER =
  /(联系电话|咨询电话|办公电话|监督电话|投诉电话|电话|传真|热线)(?:号码)?(为|是)?([：:])?[ \u3000]*([0-9０-９][0-9０-９\-－—]{3,20}[0-9０-９])(?![0-9０-９个次件条余人通多])/g;

function phoneProblem(raw: string): string {
  const digits = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^0-9-]/g, '');
  const plain = digits.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(plain)) return '';
  if (/^(400|800)\d{7}$/.test(plain) || /^12345$/.test(plain) || /^\d{5}$/.test(plain)) return '';
  // Landline: 0 + area code (2–3 more digits) + 7–8 digit number, with or without the area code.
  if (/^0\d{2,3}-?\d{7,8}$/.test(digits) || /^0\d{9,11}$/.test(plain)) {
    const [area, num] = digits.includes('-') ? digits.split('-') : [null, null];
    if (area !== null && num !== null && (area!.length < 3 || area!.length > 4 || num!.length < 7 || num!.length > 8)) return '区号或号码位数不对';
    return '';
  }
  if (/^\d{7,8}$/.test(plain)) return '';
  if (/^1\d+$/.test(plain)) return `手机号码应为11位，这里是${plain.length}位`;
  if (/^0/.test(plain)) return `固定电话应为“区号-7或8位号码”，这里共${plain.length}位`;
  return `电话号码的位数不对（${plain.length}位）`;
}

function emailProblem(raw: string): string {
  const e = raw.replace(/[。，,.]+$/, '');
  if (EMAIL_OK.test(e)) return '';
  if (e.includes('＠')) return '“@”用了全角的“＠”';
  if (/[\u4e00-\u9fa5]/.test(e)) return '含有汉字';
  if ((e.match(/@/g) ?? []).length > 1) return '有两个“@”';
  if (!/@[^@]*\./.test(e)) return '“@”后面缺少域名（如 126.com）';
  return '格式不对';
}

function contactMarks(text: string): Mark[] {
  const out: Mark[] = [];
  {
    if (text.includes('@') || text.includes('＠')) {
      EMAIL_CANDIDATE.lastIndex = 0;
      for (let m = EMAIL_CANDIDATE.exec(text); m; m = EMAIL_CANDIDATE.exec(text)) {
        // Trim the Chinese words a sentence wraps around an address (邮箱为abc@126.com。).
        let raw = m[0];
        let start = m.index;
        const lead = /^[\u4e00-\u9fa5]+/.exec(raw);
        if (lead && !/[\u4e00-\u9fa5]/.test(raw.slice(lead[0].length).split(/[@＠]/)[0]!)) {
          raw = raw.slice(lead[0].length);
          start += lead[0].length;
        }
        raw = raw.replace(/[。，,]+.*$/, '');
        const problem = emailProblem(raw);
        if (!problem || !raw.replace(/[@＠]/, '')) continue;
        out.push({ message: `的电子邮箱“${raw}”${problem}，这样的地址收不到邮件。请核对后改正。`, start, end: start + raw.length });
      }
      EMAIL_CANDIDATE.lastIndex = 0;
    }
    if (text.includes('电话') || text.includes('传真') || text.includes('热线')) {
      PHONE_AFTER.lastIndex = 0;
      for (let m = PHONE_AFTER.exec(text); m; m = PHONE_AFTER.exec(text)) {
        // 「接听电话1265个」 counts calls: a bare 电话/热线 needs a colon or 为 before the number.
        if ((m[1] === '电话' || m[1] === '热线') && !m[2] && !m[3]) continue;
        const raw = m[4]!.trim();
        const problem = phoneProblem(raw);
        if (!problem) continue;
        const start = m.index + m[0].lastIndexOf(m[4]!);
        out.push({ message: `的电话“${raw}”${problem}，拨不通。请核对后改正。`, start, end: start + raw.length });
      }
      PHONE_AFTER.lastIndex = 0;
    }
  }
  return out;
}

export function checkContacts(doc: ReportDoc, sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const src of sources) {
    for (const m of memo(factsOf(src.text), 'contacts', () => contactMarks(src.text))) {
      seen.add(src.text.slice(m.start, m.end));
      out.push(textFinding('review.contact', `${src.label}中${m.message}`, src, m.start, m.end));
    }
  }
  // The contact fields, printed in the preamble when it has the contact line.
  if (!doc.preamble.contact) return out;
  const email = doc.unit.email.trim();
  if (email && !seen.has(email)) {
    const problem = emailProblem(email);
    // No text location: the 审核 step sends these to 基本信息, where the unit's contact is edited.
    if (problem)
      out.push({
        rule: 'review.contact',
        severity: severityOf('review.contact'),
        message: `机关信息中的电子邮箱“${email}”${problem}，印在报告的联系方式里会收不到邮件。请在“基本信息”中改正。`,
        cells: [],
        id: 'review.contact:unit.email',
      });
  }
  const phone = doc.unit.phone.trim();
  if (phone) {
    const problem = phone
      .split(/[，,、;；/]/)
      .map((p) => phoneProblem(p.trim()))
      .find(Boolean);
    if (problem)
      out.push({
        rule: 'review.contact',
        severity: severityOf('review.contact'),
        message: `机关信息中的电话“${phone}”${problem}。请在“基本信息”中改正。`,
        cells: [],
        id: 'review.contact:unit.phone',
      });
  }
  return out;
}
