// Unit names as they appear in reports: 永安市小陶镇人民政府 is also 小陶镇人民政府, 小陶镇 and 小陶.
// Copied paragraphs have these swapped, and last year's file of a unit may name it shorter.

const OFFICE_SUFFIX = /(人民政府|办事处)$/;
const PLACE = /^(?:.*[省市县区旗])?(.+?(?:民族乡|镇|乡|街道|苏木))$/u;

/** The place itself: 永安市小陶镇人民政府 → 小陶镇; a name that is not a place stays as written. */
export function unitCore(name: string): string {
  const trimmed = name.replace(/\s+/g, '');
  const base = trimmed.replace(OFFICE_SUFFIX, '');
  const m = PLACE.exec(base);
  return (m ? m[1] : base) || trimmed;
}

/** Every way a report may write its unit's name, longest first. */
export function unitNameVariants(name: string): string[] {
  const full = name.replace(/\s+/g, '');
  const core = unitCore(full);
  const out = new Set<string>([full, full.replace(OFFICE_SUFFIX, ''), core, `${core}人民政府`, `${core}办事处`]);
  // 小陶 for 小陶镇 (not 城 for 城关 … a one-character stem matches too much text)
  const stem = core.replace(/(民族乡|镇|乡|街道|苏木)$/, '');
  if (stem.length >= 2 && stem !== core) out.add(stem);
  return [...out].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length);
}

/** The key that pairs a unit's reports across years. */
export function unitKey(name: string): string {
  return unitCore(name);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching any of the batch's unit names (longest first), for masking them in texts. */
export function unitNamePattern(names: readonly string[]): RegExp | null {
  const all = new Set<string>();
  for (const n of names) for (const v of unitNameVariants(n)) all.add(v);
  if (all.size === 0) return null;
  return new RegExp(
    [...all]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|'),
    'g',
  );
}
