// A paragraph of some length printed twice in the report's sections (pasted twice, or in two parts).
import type { Finding } from '../report';
import { factsOf, memo } from './facts';
import type { TextSource } from './text';
import { quote, textFinding } from './text';

/** A paragraph of some length printed twice (pasted twice, or in two parts). */
const PARAGRAPH_MIN_CHARS = 24;

/** The paragraphs long enough to compare, trimmed (a paragraph pasted twice is the same to the character). */
function paragraphsOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start >= PARAGRAPH_MIN_CHARS) {
      const line = text.slice(start, end);
      const para = line.trim();
      if (para.length >= PARAGRAPH_MIN_CHARS) out.push({ start: start + (line.length - line.trimStart().length), end, text: para });
    }
    start = end + 1;
  }
  return out;
}

export function checkRepeatedParagraphs(sources: readonly TextSource[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, TextSource>();
  for (const src of sources) {
    if (!/^[a-z_]+$/.test(src.section) && !src.section.startsWith('legacy.')) continue;
    for (const p of memo(factsOf(src.text), 'paragraphs', () => paragraphsOf(src.text))) {
      const first = seen.get(p.text);
      if (first) {
        out.push(
          textFinding(
            'review.repeated_paragraph',
            `${src.label}中的段落「${quote(p.text, 40)}」与${first === src ? '本部分前文' : first.label}中的一段完全相同，打印出来会重复。请删去重复的一段。`,
            src,
            p.start,
            p.end,
          ),
        );
      } else seen.set(p.text, src);
    }
  }
  return out;
}
