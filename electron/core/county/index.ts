// The county's desk on the main side: batches of reports read into memory (never into the
// clerk's store), their review, the workbook and the opinions. Used by the API and the CLI.
import { randomUUID } from 'node:crypto';
import { analyseCounty, type CountyEntry, type CountyReview } from '../../../shared/county/index';
import { readCountyEntry } from './read';

export { buildCountyWorkbook, sumSheetName } from './workbook';
export { buildOpinionDocx, opinionFileName } from './opinion';
export { readCountyEntry, readCountyFiles, countyFolderFiles } from './read';

/** Batches kept at once; opening another drops the oldest (a county has one desk open). */
const MAX_BATCHES = 3;
/** Files in one batch: a county has at most a few dozen units and their last-year files. */
export const MAX_BATCH_FILES = 500;

interface Batch {
  entries: CountyEntry[];
  /** for units sent twice: the files the county chose to count */
  keep: string[];
  review: CountyReview | null;
}

/** The county's batches, in memory only: closing the program forgets them. */
export class CountyBatches {
  private readonly batches = new Map<string, Batch>();

  private get(batchId: string): Batch | undefined {
    return this.batches.get(batchId);
  }

  has(batchId: string): boolean {
    return this.batches.has(batchId);
  }

  /** Adds files to a batch (a new one when batchId is null); returns the batch id and how many files it holds. */
  async add(batchId: string | null, files: { fileName: string; bytes: Uint8Array }[]): Promise<{ batchId: string; count: number } | 'not_found' | 'too_many'> {
    let id = batchId;
    let batch = id ? this.get(id) : undefined;
    if (id && !batch) return 'not_found';
    if (!batch) {
      id = randomUUID();
      batch = { entries: [], keep: [], review: null };
      this.batches.set(id, batch);
      while (this.batches.size > MAX_BATCHES) this.batches.delete(this.batches.keys().next().value!);
    }
    if (batch.entries.length + files.length > MAX_BATCH_FILES) return 'too_many';
    for (const f of files) batch.entries.push(await readCountyEntry(`e${batch.entries.length + 1}`, f.fileName, f.bytes));
    batch.review = null;
    return { batchId: id!, count: batch.entries.length };
  }

  entries(batchId: string): CountyEntry[] | undefined {
    return this.get(batchId)?.entries;
  }

  review(batchId: string): CountyReview | undefined {
    const batch = this.get(batchId);
    if (!batch) return undefined;
    batch.review ??= analyseCounty(batch.entries, { keep: batch.keep });
    return batch.review;
  }

  /** Counts `entryId` instead of the other files of its unit and year; false when it has no such files. */
  keep(batchId: string, entryId: string): boolean | undefined {
    const review = this.review(batchId);
    if (!review) return undefined;
    const group = review.duplicates.find((d) => d.entryIds.includes(entryId));
    if (!group) return false;
    const batch = this.get(batchId)!;
    batch.keep = [...batch.keep.filter((id) => !group.entryIds.includes(id)), entryId];
    batch.review = null;
    return true;
  }

  close(batchId: string): void {
    this.batches.delete(batchId);
  }
}
