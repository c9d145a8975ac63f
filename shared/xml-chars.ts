// Characters XML 1.0 cannot hold (its Char production): C0 controls other than tab, newline and
// carriage return, lone surrogates, U+FFFE and U+FFFF. Word, WPS and LibreOffice refuse a .docx
// that has one, so they are stripped wherever text enters: the API, an imported report, typing
// and pasting in the page, and (for text stored before) the export itself.

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'gu');

export function hasXmlIllegal(text: string): boolean {
  return ILLEGAL.test(text);
}

export function stripXmlIllegal(text: string): string {
  return ILLEGAL.test(text) ? text.replace(ILLEGAL_ALL, '') : text;
}

/** Deeper than any report or API input: what lies below is left as it is (every schema refuses it anyway). */
const MAX_DEPTH = 64;

/** The value with every string in it (object values, array items) stripped; other values as they are. */
export function stripXmlIllegalDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return stripXmlIllegal(value) as T;
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => stripXmlIllegalDeep(v, depth + 1)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripXmlIllegalDeep(v, depth + 1);
    return out as T;
  }
  return value;
}
