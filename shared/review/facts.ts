// The facts layer's entry: a text's facts read once and cached, and the public names of the layer.
// Each text is read once into typed facts with their positions — quantities, totals with their
// parts, dates (malformed ones too), names of bodies, 《》 titles, outline numbers, the report
// describing itself. The checks read these instead of scanning the text. Every scan is one linear
// pass with a simple pattern (the readers: facts-numbers, facts-dates, facts-names, facts-outline).
import { readDates, readPeriods, readYears } from './facts-dates';
import type { DateFact, PeriodFact, YearFact } from './facts-dates';
import { readBodies, readDocNumbers, readPlaces, readTitles } from './facts-names';
import type { BodyFact, DocNumberFact, PlaceFact, TitleFact } from './facts-names';
import { readQuantities } from './facts-numbers';
import type { Quantity } from './facts-numbers';
import { readOutline, readParts } from './facts-outline';
import type { HeadingFact, OutlineFact, PartsFact } from './facts-outline';
import type { Span, TextSource } from './text';
import { sentences } from './text';

export { MEASURES, readNumber } from './facts-numbers';
export type { Approx, Measure, Quantity } from './facts-numbers';
export type { DateFact, PeriodFact, YearFact } from './facts-dates';
export type { BodyFact, BodyLevel, DocNumberFact, PlaceFact, TitleFact } from './facts-names';
export type { HeadingFact, OutlineFact, PartsFact } from './facts-outline';

export interface SourceFacts {
  text: string;
  sentences: readonly Readonly<Span>[];
  quantities: Quantity[];
  dates: DateFact[];
  years: YearFact[];
  periods: PeriodFact[];
  bodies: BodyFact[];
  places: PlaceFact[];
  titles: TitleFact[];
  docNumbers: DocNumberFact[];
  outline: OutlineFact[];
  headings: HeadingFact[];
  parts: PartsFact[];
}

const FACTS_CACHE_SIZE = 48;
const factsCache = new Map<string, SourceFacts>();

/** The facts of one text, read once (cached per text: read them, do not change them). */
export function factsOf(text: string): SourceFacts {
  const hit = factsCache.get(text);
  if (hit) return hit;
  const ss = sentences(text);
  const headings: HeadingFact[] = [];
  const facts: SourceFacts = {
    text,
    sentences: ss,
    quantities: readQuantities(text, ss),
    dates: /[年月]/.test(text) ? readDates(text) : [],
    years: text.includes('年') ? readYears(text) : [],
    periods: text.includes('12') ? readPeriods(text) : [],
    bodies: readBodies(text),
    places: /[镇乡]|街道/.test(text) ? readPlaces(text) : [],
    titles: text.includes('《') ? readTitles(text) : [],
    docNumbers: text.includes('号') ? readDocNumbers(text) : [],
    outline: readOutline(text, headings),
    headings,
    parts: text.includes('部分') || text.includes('方面') ? readParts(text) : [],
  };
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.delete(factsCache.keys().next().value!);
  factsCache.set(text, facts);
  return facts;
}

/** The facts of each source, in order. */
export function sourceFacts(sources: readonly TextSource[]): { src: TextSource; facts: SourceFacts }[] {
  return sources.map((src) => ({ src, facts: factsOf(src.text) }));
}

/** The text of the clause a position is in (from the last ，；： before it, within its sentence). */
export function clauseBefore(facts: SourceFacts, q: Quantity): string {
  return facts.text.slice(q.clauseStart, q.start);
}

/**
 * What a check works out from a text alone (marks with their positions), kept with the text's facts
 * so an unchanged text is not scanned again. `key` names the check (and anything else it depends on).
 */
const memos = new WeakMap<SourceFacts, Map<string, unknown>>();
export function memo<T>(facts: SourceFacts, key: string, compute: () => T): T {
  let byKey = memos.get(facts);
  if (!byKey) memos.set(facts, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/** A place in a text a check reports, with the message after the place's label. */
export interface Mark {
  start: number;
  end: number;
  /** the message without the leading place label (「一、总体情况」中…) */
  message: string;
  /** the words the finding id rests on (the sentence around the mark) */
  context?: string;
}
