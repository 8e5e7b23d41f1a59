// Bibliographic records: reading exports (RIS, PubMed/MEDLINE, Web of Science, CSV) and
// deduplicating them. Pure: no I/O.
export * from "./types";
export { readRecordsFile } from "./read";
export { normaliseDoi, readYear } from "./fields";
export { comparableText, surnameKey, titleKey } from "./keys";
export { deduplicate, dedupeKeys, DEDUPE_OPTIONS, type DedupeKeys, type KnownRecord, type RecordRef, type DuplicateMatch, type DuplicateReason, type NearPair, type DedupeResult } from "./dedupe";
export { importRecordsFile, keyed, knownRecord, type KeyedRecord, type RecordsImport } from "./importFile";
export { buildRecord } from "./normalise";
