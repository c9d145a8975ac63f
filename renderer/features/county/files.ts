// Which picked files the county's desk reads, and how they travel to the main side: in chunks
// that stay well under the API's request size, each file as base64.
import { bytesToBase64 } from '../../api/client';

/** The name shown for a file: its path inside the chosen folder, or its own name. */
export function displayName(file: File): string {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return rel ? rel.split('/').slice(1).join('/') || file.name : file.name;
}

const CHUNK_BYTES = 12 * 1024 * 1024;
const CHUNK_FILES = 50;

export interface UploadFile {
  fileName: string;
  base64: string;
}

/** Reads the files and groups them so no request carries more than about 16 MB of base64. */
export async function* uploadChunks(files: File[]): AsyncGenerator<UploadFile[]> {
  let chunk: UploadFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (chunk.length >= CHUNK_FILES || (bytes + f.size > CHUNK_BYTES && chunk.length > 0)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push({ fileName: displayName(f), base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
    bytes += f.size;
  }
  if (chunk.length) yield chunk;
}
