// ZIP-based documents (DOCX, ODT) are checked from their central directory before they are kept:
// what the parts would unpack to, in total and against their packed size, and how many there are.
// Nothing is unpacked; yauzl reads only the entries' metadata.
import { openPromise } from 'yauzl';
import { InvalidInputError } from '@app/core';

export const ZIP_LIMITS = {
  /** What all parts together may unpack to. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Unpacked ÷ packed over the whole archive (text compresses about 10:1, zeros about 1000:1); applied above 1 MiB unpacked. */
  maxRatio: 100,
  /** A long report has a few hundred parts (images, styles); thousands is not a document. */
  maxEntries: 5000,
} as const;

/** Throws a 400 naming `file` when the archive at `path` would unpack beyond ZIP_LIMITS. */
export async function assertZipWithinLimits(path: string, limits = ZIP_LIMITS): Promise<void> {
  let zip: Awaited<ReturnType<typeof openPromise>>;
  try {
    zip = await openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
  } catch {
    throw new InvalidInputError('file', 'is not a readable ZIP document (its central directory is damaged)');
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new InvalidInputError('file', `holds ${zip.entryCount} parts; at most ${limits.maxEntries} are accepted`);
    }
    let unpacked = 0;
    let packed = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        unpacked += entry.uncompressedSize;
        packed += entry.compressedSize;
        if (unpacked > limits.maxUnpackedBytes) {
          throw new InvalidInputError('file', `would unpack to more than ${limits.maxUnpackedBytes / 1024 / 1024} MiB`);
        }
      }
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      throw new InvalidInputError('file', 'is not a readable ZIP document (its central directory is damaged)');
    }
    if (unpacked > limits.maxRatio * Math.max(packed, 1) && unpacked > 1024 * 1024) {
      throw new InvalidInputError('file', `would unpack ${Math.round(unpacked / Math.max(packed, 1))} times its packed size; at most ${limits.maxRatio} times is accepted`);
    }
  } finally {
    zip.close();
  }
}
