// Request and response shapes of the records routes, documented in /api/openapi.json.
import { z } from "@hono/zod-openapi";
import { normaliseDoi } from "@concord/shared/records/index";
import { TitleSchema } from "./schemas";

export const SourceSchema = TitleSchema("recordSource").openapi({
  description: "The database the records came from, as the PRISMA diagram will count them (\"Scopus\", \"PsycINFO\", \"Hand search\")",
  example: "Scopus",
});

const FlagSchema = z.object({ field: z.string(), code: z.string(), severity: z.enum(["check", "note"]), message: z.string() }).openapi("RecordFlag");

export const RecordSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    authors: z.array(z.string()),
    year: z.number().int().nullable(),
    journal: z.string().nullable(),
    volume: z.string().nullable(),
    issue: z.string().nullable(),
    pages: z.string().nullable(),
    doi: z.string().nullable().openapi({ description: "Lowercase, without a doi.org prefix" }),
    abstract: z.string().nullable(),
    keywords: z.array(z.string()),
    type: z.string().nullable(),
    source: z.string(),
    database: z.string().nullable().openapi({ description: "The database the file itself named, if it did" }),
    importId: z.string().nullable().openapi({ description: "Null for a record added by hand" }),
    flags: z.array(FlagSchema),
    duplicateOf: z.string().nullable().openapi({ description: "The original this record duplicates; null for an original" }),
    duplicateReason: z.enum(["doi", "title_year_author", "near_match", "by_hand"]).nullable(),
    addedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi("Record");

export const RecordDetailSchema = RecordSchema.extend({
  raw: z.record(z.string(), z.array(z.string())).openapi({ description: "Every tag (or CSV column) of the record as the file wrote it" }),
}).openapi("RecordDetail");

export const ImportResultSchema = z
  .object({
    importId: z.string(),
    source: z.string(),
    format: z.enum(["ris", "medline", "wos", "csv"]),
    database: z.string().nullable(),
    imported: z.number().int().openapi({ description: "Records stored from the file, duplicates included (nothing is dropped)" }),
    duplicates: z.number().int().openapi({ description: "Of those, how many were marked as duplicates (same DOI, or same title, year and first author)" }),
    nearDuplicates: z.number().int().openapi({ description: "Pairs of similar records waiting to be confirmed or rejected" }),
    flagged: z
      .array(z.object({ position: z.number().int(), recordId: z.string(), title: z.string().nullable(), flags: z.array(FlagSchema.omit({ severity: true })) }))
      .openapi({ description: "Records kept with something a person should check (no title, an unreadable year or DOI…), by their place in the file" }),
    notes: z
      .array(z.object({ code: z.string(), records: z.number().int(), example: z.string() }))
      .openapi({ description: "How values were tidied (a year read from \"2019//\", unknown tags kept…), once per kind" }),
    skippedLines: z.number().int().openapi({ description: "Lines outside any record that were skipped (Ovid's numbering and links, for instance)" }),
    windows1252: z.boolean().openapi({ description: "The file was not UTF-8 and was read as Windows-1252" }),
    nearSearchComplete: z.boolean().openapi({ description: "False when titles were so alike that the search for near duplicates stopped early" }),
  })
  .openapi("RecordImport");

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const RecordInputSchema = z
  .object({
    title: TitleSchema("recordTitle"),
    authors: z.array(z.string().trim().min(1).max(300)).max(500).default([]),
    year: z.number().int().min(1500).max(new Date().getFullYear() + 2).nullable().default(null),
    journal: optionalText(1_000),
    volume: optionalText(100),
    issue: optionalText(100),
    pages: optionalText(100),
    doi: optionalText(300).refine((doi) => doi === null || doi === "" || normaliseDoi(doi) !== null, "This is not a DOI: a DOI looks like 10.1234/abcd (a doi.org link works too)."),
    abstract: optionalText(100_000),
    keywords: z.array(z.string().trim().min(1).max(300)).max(500).default([]),
    type: optionalText(50),
    source: SourceSchema.default("Added by hand"),
  })
  .openapi("RecordInput");

export const PairSchema = z
  .object({
    id: z.string(),
    recordA: z.string().openapi({ description: "The earlier record" }),
    recordB: z.string().openapi({ description: "The later record: confirming marks it as a duplicate of recordA's original" }),
    similarity: z.number(),
    status: z.enum(["open", "confirmed", "rejected"]),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .openapi("RecordPair");
