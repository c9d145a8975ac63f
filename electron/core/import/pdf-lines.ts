// The PDF's text layer as lines: pdf.js's items with the whitespace the page really draws, the
// characters Chromium and LibreOffice map to other code points mapped back, lines from y and the
// pieces of a line set apart by wide gaps (table cells). Used by pdf-reader.ts and pdf-tables.ts.
/**
 * Some PDF makers (Chromium among them) map common characters to their radical forms in the text
 * layer: 民 comes out as ⺠ (CJK Radicals Supplement) or 人 as ⼈ (Kangxi Radicals). Kangxi radicals
 * fold under NFKC; the supplement's simplified forms are mapped here.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⺟': '母',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
  '⻄': '西',
};
/**
 * Kangxi radicals whose NFKC form is the traditional variant of a character a simplified font draws
 * with the same glyph (Chromium's text layer gives ⼾ for 户: NFKC would make it 戶).
 */
const KANGXI: Record<string, string> = { '⼾': '户', '⿈': '黄', '⾭': '青' };
/** Chromium's text layer gives a drawn —— as the two-em dash it shaped it into. */
export const fromLigatures = (s: string) => s.replace(/\u2e3a/g, '——').replace(/\u2e3b/g, '———');
export const fromRadicals = (s: string) =>
  /[\u2e80-\u2fdf]/.test(s) ? s.replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/[\u2f00-\u2fdf]/g, (c) => KANGXI[c] ?? c.normalize('NFKC')) : s;

export interface Item {
  /** as pdf.js reports it: a gap it sees between glyph runs comes as a blank item */
  str: string;
  /** the text drawn: the whitespace glyphs the page really draws, and no other */
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Segment {
  x: number;
  right: number;
  /** as drawn, with the whitespace glyphs before each character */
  raw: string;
  /** trimmed */
  text: string;
  /** the non-blank items it is made of */
  items: Item[];
}

export interface Line {
  y: number;
  h: number;
  items: Item[];
  /** pieces of the line separated by wide gaps (table cells) */
  segments: Segment[];
  x: number;
  right: number;
}

export const BLANK = /^\s*$/u;

/**
 * The whitespace each item's characters are drawn after, from the page's own glyphs. pdf.js folds a
 * space glyph and a mere gap between two runs (LibreOffice sets 2025 年 apart by its spacing between
 * Chinese and Latin, Word by its justification) into the same blank item; the operator list still
 * has the glyphs, so a space is kept exactly where the source has one (2019 年, “(一) ”, 1. ) and
 * nowhere else. Returns false when the two lists do not line up (the items keep no whitespace).
 */
export function drawnWhitespace(items: Item[], glyphs: { unicode: string; width: number }[]): boolean {
  // The page's characters in drawing order, each with the whitespace drawn just before it. A space
  // a full em wide is the ideographic one (Chromium's text layer calls U+3000 an em space, U+2003).
  const chars: { ch: string; ws: string }[] = [];
  let ws = '';
  for (const { unicode: u, width } of glyphs)
    if (BLANK.test(u)) ws += (u === ' ' || u === '\u2003') && width >= 800 ? '\u3000' : u;
    else {
      // A ligature glyph (ﬁ) is the letters pdf.js reports for it.
      const nfkc = u.normalize('NFKC');
      for (const ch of [...nfkc].length > [...u].length ? nfkc : u) {
        chars.push({ ch, ws });
        ws = '';
      }
    }
  let j = 0;
  let missed = 0;
  let total = 0;
  for (const it of items) {
    let text = '';
    for (const ch of it.str) {
      if (BLANK.test(ch)) continue;
      total++;
      // pdf.js may normalise a character (a ligature, a compatibility form): look a few glyphs ahead.
      let k = j;
      while (k < chars.length && k < j + 4 && chars[k].ch !== ch && chars[k].ch.normalize('NFKC') !== ch.normalize('NFKC')) k++;
      if (k < chars.length && k < j + 4) {
        text += chars[k].ws + ch;
        j = k + 1;
      } else {
        missed++;
        text += ch;
      }
    }
    it.text = text;
  }
  return missed <= total * 0.02;
}

export function toLines(items: Item[]): Line[] {
  // pdf.js adds zero-height spaces where it sees a gap between glyph runs (2025 年): not the text's own.
  const sorted = items.filter((i) => i.str !== '' && !(i.h === 0 && i.str.trim() === '')).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const h = it.h || 10;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.min(last.h, h) * 0.2) last.items.push(it);
    else lines.push({ y: it.y, h, items: [it], segments: [], x: 0, right: 0 });
    if (it.h > 0 && lines[lines.length - 1].h < it.h) lines[lines.length - 1].h = it.h;
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    let seg: Segment | null = null;
    for (const it of l.items) {
      const blank = it.str.trim() === '';
      // A gap the page fills with drawn spaces (2021年　　月　　日) is text, not a gap between cells.
      const spaced = /^\s*/u.exec(it.text)![0].length * l.h * 1.2;
      if (seg && it.x - seg.right <= l.h * 0.5 + spaced && !(blank && it.w > l.h * 0.5)) {
        seg.raw += it.text;
        if (!blank) {
          seg.right = Math.max(seg.right, it.x + it.w);
          seg.items.push(it);
        }
      } else if (!blank) {
        seg = { x: it.x, right: it.x + it.w, raw: it.text, text: '', items: [it] };
        l.segments.push(seg);
      } else if (seg) seg = null;
    }
    for (const s of l.segments) s.text = s.raw.trim();
    l.segments = l.segments.filter((s) => s.text !== '');
    l.x = l.segments[0]?.x ?? 0;
    l.right = l.segments[l.segments.length - 1]?.right ?? 0;
  }
  return lines.filter((l) => l.segments.length);
}
