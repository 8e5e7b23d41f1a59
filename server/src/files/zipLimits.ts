// Checks a zip archive (.docx today; REFI-QDA .qdpx later) against limits before any parser
// sees it, so a small file that inflates to gigabytes is refused in milliseconds. Two views
// are checked because parsers differ in which they trust: the central directory (entry count
// and declared sizes, what JSZip and mammoth read) and the entries themselves, inflated as a
// stream and stopped at the cap (declared sizes can lie). Markup is counted too: XML parsers
// spend about a kilobyte per element, so a file of empty elements is a memory bomb well
// below any byte limit. This runs in a worker (see workers/tasks.ts), off the event loop.
import { Unzip, UnzipInflate, unzipSync } from "fflate";

export interface ZipLimits {
  maxEntries: number;
  /** Bytes of all entries together, once inflated. */
  maxInflatedBytes: number;
  /** `<` characters across the XML entries: an upper bound on elements. */
  maxElements: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxElements: 500_000,
};

/** Why an archive was refused, in words for the person who uploaded it; `limit` when for its size. */
export class ZipLimitError extends Error {
  override readonly name = "ZipLimitError";

  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

const XML_ENTRY = /\.(xml|rels|qde)$/i;
const LESS_THAN = 0x3c;

function countByte(chunk: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === byte) n++;
  return n;
}

function checkCentralDirectory(bytes: Uint8Array, limits: ZipLimits): void {
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      // Reads names and declared sizes only: returning false inflates nothing.
      filter(file) {
        entries++;
        declared += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new ZipLimitError("The file is damaged or is not a zip archive.");
  }
  if (entries > limits.maxEntries) throw new ZipLimitError(`The file holds ${entries.toLocaleString("en")} parts; at most ${limits.maxEntries.toLocaleString("en")} are accepted.`, true);
  if (declared > limits.maxInflatedBytes) throw tooBig(limits);
}

function tooBig(limits: ZipLimits): ZipLimitError {
  return new ZipLimitError(`Unpacked, the file would be larger than ${limits.maxInflatedBytes / 1024 / 1024} MB, more than a transcript needs.`, true);
}

function checkEntries(bytes: Uint8Array, limits: ZipLimits): void {
  let inflated = 0;
  let elements = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const isXml = XML_ENTRY.test(file.name);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new ZipLimitError("The file is damaged: part of it could not be unpacked.");
        return;
      }
      inflated += chunk.length;
      if (isXml) elements += countByte(chunk, LESS_THAN);
      if (inflated > limits.maxInflatedBytes) failure = tooBig(limits);
      else if (elements > limits.maxElements) {
        failure = new ZipLimitError(`The file has more than ${limits.maxElements.toLocaleString("en")} pieces of markup, more than a transcript needs.`, true);
      }
      if (failure) file.terminate();
    };
    try {
      file.start();
    } catch {
      failure ??= new ZipLimitError("The file uses a kind of compression Concord cannot unpack.");
    }
  });
  unzip.register(UnzipInflate);
  // Feed in slices so an over-limit entry stops early instead of after the whole archive.
  const SLICE = 16 * 1024;
  for (let offset = 0; offset < bytes.length && !failure; offset += SLICE) {
    unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
  }
  if (failure) throw failure;
}

/** Throws a ZipLimitError when the archive is damaged or beyond the limits. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  checkCentralDirectory(bytes, limits);
  checkEntries(bytes, limits);
}
