// The narrative editors' logic without React: headings found by their numbering, the character
// count, problem/measure pairs (五) and the fee statement (六).

export interface OutlineEntry {
  level: number;
  text: string;
  start: number;
  end: number;
}

const HEADING_PATTERNS: [number, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^（[一二三四五六七八九十]+）/],
  [3, /^\d+[.．、](?!\d)/],
  [4, /^（\d+）/],
];

/** Headings found by their numbering at the start of a paragraph (一、 （一） 1. （1）). */
export function outlineOf(text: string): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const t = line.trimStart();
    for (const [level, re] of HEADING_PATTERNS) {
      if (re.test(t)) {
        // A heading is the numbered phrase up to the first full stop (many are run-in headings).
        const head = t.split(/[。；;]/)[0];
        out.push({ level, text: head.length > 40 ? `${head.slice(0, 40)}…` : head, start: pos, end: pos + line.length });
        break;
      }
    }
    pos += line.length + 1;
  }
  return out;
}

export function countChars(text: string): { chars: number; paragraphs: number } {
  return { chars: Array.from(text.replace(/\s+/g, '')).length, paragraphs: text.split('\n').filter((l) => l.trim()).length };
}

const PROBLEM_LINE = /^\s*\d+[.．、]\s*问题[:：]\s*(.*)$/;
const MEASURE_LINE = /^\s*改进措施[:：]\s*(.*)$/;

/** Problems written as 「N.问题：…」 each followed by 「改进措施：…」; which are incomplete. */
export function problemPairs(text: string): { count: number; missing: string[] } {
  const lines = text.split('\n');
  const missing: string[] = [];
  let count = 0;
  lines.forEach((line, i) => {
    const p = PROBLEM_LINE.exec(line);
    if (!p) return;
    count++;
    const m = MEASURE_LINE.exec(lines[i + 1] ?? '');
    const label = `第${count}个问题`;
    if (!p[1].trim()) missing.push(`${label}还没有写内容`);
    if (!m) missing.push(`${label}下一段应是它的“改进措施：”`);
    else if (!m[1].trim()) missing.push(`${label}的改进措施还没有写`);
  });
  return { count, missing };
}

/** The fee statement of 六 as published reports word it. */
export const FEE_SENTENCE = /本年度(?:未收取|共收取)信息处理费[^。\n]*。/;

export function feeStatement(fee: { amountYuan: number; requests: number } | null): string {
  return fee ? `本年度共收取信息处理费${fee.amountYuan}元，涉及${fee.requests}件申请。` : '本年度未收取信息处理费。';
}
