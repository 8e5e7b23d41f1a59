import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { ZipLimitError, checkZip, type ZipLimits } from "./zipLimits";

const LIMITS: ZipLimits = { maxEntries: 10, maxInflatedBytes: 1024 * 1024, maxElements: 1_000 };

function refusal(bytes: Uint8Array): ZipLimitError {
  try {
    checkZip(bytes, LIMITS);
  } catch (error) {
    if (error instanceof ZipLimitError) return error;
    throw error;
  }
  throw new Error("the archive was accepted");
}

describe("checkZip", () => {
  it("accepts an archive within every limit", () => {
    expect(() => checkZip(zipSync({ "word/document.xml": strToU8("<w:p>Hello</w:p>") }), LIMITS)).not.toThrow();
  });

  it("refuses an archive that inflates beyond the byte limit, though it is small", () => {
    const bomb = zipSync({ "word/media/blank.bin": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const error = refusal(bomb);
    expect(error.limit).toBe(true);
    expect(error.message).toMatch(/larger than 1 MB/);
  });

  it("refuses an archive whose declared sizes lie, by inflating it and stopping at the cap", () => {
    const bomb = zipSync({ "a.bin": new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    // Overwrite the declared uncompressed size (local header offset 22, central directory entry offset 24) with 1.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    view.setUint32(22, 1, true);
    const central = bomb.findLastIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1, true);
    expect(refusal(bomb).message).toMatch(/larger than 1 MB/);
  });

  it("refuses too many entries", () => {
    const files = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`part${i}.xml`, strToU8("<a/>")]));
    expect(refusal(zipSync(files)).message).toMatch(/11 parts; at most 10/);
  });

  it("refuses XML with more elements than a transcript needs, well below the byte limit", () => {
    const error = refusal(zipSync({ "word/document.xml": strToU8("<w:p/>".repeat(1_001)) }));
    expect(error.message).toMatch(/more than 1,000 pieces of markup/);
  });

  it("says a damaged archive is damaged", () => {
    expect(refusal(strToU8("PK\u0003\u0004 not really a zip")).limit).toBe(false);
  });
});
