// A report pasted as one paragraph (the whole text on one line, parts run on after a space): it is split at
// its title and at the six level-1 headings, but only when all six are there in order, each at the start of
// a sentence (never “…在一、二季度…”); otherwise the line is left as it is (and the import refuses it as before).
import { FORMATS, SECTION_KEYS } from '../../../shared/formats/index';
import { findHeadings } from './recognise-format';
import { labelCore, norm } from './normalize';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** A heading starts the line or follows a space or a sentence's end; its words run to a space, a bracket or punctuation. */
const BEFORE = '(?:^|(?<=[\\s\\u3000。；;！？!?：:]))';
const WORDS = '[^\\s\\u3000(（。；;，,：:！？!?]{2,30}';
/** The title at the start of the line: up to the first 年度报告 (or 工作报告) within 60 characters, with a year. */
const TITLE = /^\s*(\S[^。；;,，]{0,50}?(?:19|20)\d{2}\s*年[^。；;,，]{0,30}?(?:年度报告|工作报告))(?=\s|根据|依据|按照|为|本|现)/;

/** Whether `words` (numbering included) is the heading of part `k` in a format: its own words, or a variant the importer accepts. */
function isPartHeading(words: string, k: number): boolean {
  return Object.values(FORMATS).some((f) => {
    const exact = labelCore(f.sections.find((s) => s.key === SECTION_KEYS[k])?.heading ?? '');
    if (labelCore(words) === exact) return true;
    return findHeadings([words], f).get(0) === SECTION_KEYS[k];
  });
}

/** The heading of part `k` at or after `from`: where it starts and its words, or undefined. */
function findPart(line: string, k: number, from: number): { at: number; words: string } | undefined {
  const re = new RegExp(`${BEFORE}${NUMERALS[k]}\\s*[、.．]\\s*${WORDS}`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const text = m[0];
    // The format's own heading followed directly by the text (一、总体情况2023年,…): cut after the heading.
    for (const f of Object.values(FORMATS)) {
      const heading = f.sections.find((s) => s.key === SECTION_KEYS[k])?.heading ?? '';
      const core = norm(heading).replace(/^[一二三四五六][、.．]/, '');
      const after = norm(text).replace(/^[一二三四五六][、.．]/, '');
      if (after.startsWith(core) && after !== core) return { at: m.index, words: heading };
    }
    if (isPartHeading(text, k)) return { at: m.index, words: text };
  }
  return undefined;
}

/**
 * The pieces of a one-line report (title, preamble, then each part from its heading; the heading on a line of
 * its own), or undefined when the line is not a whole report run into one paragraph.
 */
export function splitRunOn(line: string): string[] | undefined {
  if ([...line].length < 200) return undefined;
  const parts: { at: number; words: string }[] = [];
  let from = 0;
  for (let k = 0; k < NUMERALS.length; k++) {
    const found = findPart(line, k, from);
    if (!found) return undefined;
    // Each part has words of its own before the next heading: a sentence listing the six parts
    // (“报告包括：一、总体情况；二、主动公开政府信息情况；…”) is not a report run into one line.
    const previous = parts[parts.length - 1];
    if (previous && !/[\p{Script=Han}\d]/u.test(line.slice(previous.at + previous.words.length, found.at))) return undefined;
    parts.push(found);
    from = found.at + found.words.length;
  }
  const pieces: string[] = [];
  let head = line.slice(0, parts[0].at);
  const title = TITLE.exec(head);
  if (title) {
    pieces.push(title[1].trim());
    head = head.slice(title[0].length);
  }
  if (head.trim()) pieces.push(head.trim());
  parts.forEach((p, k) => {
    const end = k + 1 < parts.length ? parts[k + 1].at : line.length;
    const start = p.at + (line.slice(p.at).startsWith(p.words) ? p.words.length : headingLength(line, p.at, p.words));
    pieces.push(line.slice(p.at, start).trim());
    const body = line.slice(start, end).trim();
    if (body) pieces.push(body);
  });
  return pieces;
}

/** How many characters of the line from `at` spell `words` when the line has spaces inside them (一、 总体情况). */
function headingLength(line: string, at: number, words: string): number {
  const target = norm(words);
  let n = 0;
  let seen = '';
  while (at + n < line.length && seen.length < target.length) {
    seen = norm(line.slice(at, at + n + 1));
    n++;
  }
  return n;
}
