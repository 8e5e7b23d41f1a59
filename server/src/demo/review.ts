// The demo project's review (issue 9 §7): a small search of five databases and a few records
// added by hand, screened by the lead, with the second rater's samples reproducing the
// thesis's agreement — title and abstract 100%, full text 80% then 100% after the criteria
// were clarified — and twelve included papers appraised with the thesis's CASP points, four
// of them by the second rater as well, one answer apart: 97.2% before and 100% after; and
// the twelve studies' extraction fields for the study-characteristics table.
// Everything goes through the same commands the API uses, so the demo is what a team would
// have made by hand. The titles and authors are made up.
import type { Stage } from "@concord/shared";
import { demoCaspAnswers } from "@concord/shared/appraisal/demoAppraisals";
import type { DocumentHost } from "../collab/serverWrites";
import { addRecordByHand, importRecords } from "../commands/records";
import { assignReviewer, rate, recordConsensus, saveCriteria } from "../commands/review";
import { recordsAtStage } from "../review/stageItems";
import { seedDemoExtraction } from "./extraction";
import type { WorkerPool } from "../workers/pool";

/** The twelve included studies, in the order they are numbered (Table 5's papers 1–12). */
const INCLUDED = [
  "Working from lived experience in community mental health teams",
  "Peer specialists and the limits of the job description",
  "Becoming a colleague: peer workers on acute wards",
  "Recovery stories at work: peer support in early intervention",
  "Disclosure and belonging among mental health peer staff",
  "What peer providers gain from the role",
  "Peer workers in crisis services: a qualitative study",
  "Supervision needs of people employed for their lived experience",
  "Consumer providers and team culture",
  "Experts by experience in service design boards",
  "Making a difference: peer support workers' accounts",
  "Role clarity for peer workers in forensic services",
];
/** Reach full text and are excluded there, with the criterion that excluded them. */
const EXCLUDED_AT_FULL_TEXT: [string, string][] = [
  ["Volunteer befrienders in day services", "not-employed"],
  ["Service user involvement in research panels", "not-employed"],
  ["Staff attitudes towards peer workers: a survey", "quantitative"],
  ["Peer support outcomes in a randomised trial", "quantitative"],
  ["Carers as paid support workers", "not-own-care"],
  ["Lived experience leadership: a commentary", "not-empirical"],
];
const TOPICS = ["Burnout", "Stigma", "Ward culture", "Recovery", "Training", "Retention", "Supervision", "Team meetings", "Discharge planning", "Medication", "Housing", "Employment"];
const SETTINGS = ["in inpatient care", "among nurses", "in primary care", "in older adult services", "in student counselling", "across community teams", "in prisons", "in crisis lines"];
const DESIGNS = ["a cohort study", "a systematic review", "a cross-sectional survey", "an audit", "a pilot trial", "a policy analysis"];

interface DemoRecord {
  title: string;
  doi: string;
  year: number;
  author: string;
}

const SURNAMES = ["Adeyemi", "Brennan", "Castillo", "Dunmore", "Eriksen", "Fairweather", "Gallagher", "Hussain", "Ishikawa", "Jovanovic", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov"];

function record(title: string, i: number): DemoRecord {
  return { title, doi: `10.5555/demo.${i}`, year: 2008 + (i % 14), author: `${SURNAMES[i % SURNAMES.length]}, ${String.fromCharCode(65 + (i % 26))}.` };
}

/** Records outside the review's question, each only once. */
function others(from: number, count: number): DemoRecord[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return record(`${TOPICS[i % TOPICS.length]} ${SETTINGS[(i * 5) % SETTINGS.length]}: ${DESIGNS[(i * 7) % DESIGNS.length]}`, 100 + i);
  });
}

const KEPT = [...INCLUDED, ...EXCLUDED_AT_FULL_TEXT.map(([title]) => title)].map(record);

/** Each database's export: PsycINFO holds every record the review kept; the others repeat some of them. */
const SEARCH: { source: string; records: DemoRecord[] }[] = [
  { source: "PsycINFO", records: [...KEPT, ...others(0, 4)] },
  { source: "MEDLINE", records: [...KEPT.slice(0, 6), ...others(4, 8)] },
  { source: "Scopus", records: [...KEPT.slice(6, 10), ...others(12, 12)] },
  { source: "CINAHL", records: others(24, 8) },
  { source: "Web of Science", records: others(32, 6) },
];
/** Added by hand: two reach full text (and are excluded), two do not. */
const BY_HAND = [
  { title: "Peer workers' pay and conditions: a charity report", source: "Grey literature", reason: "not-empirical" },
  { title: "A trust's lived experience strategy", source: "Grey literature", reason: null },
  { title: "Peer roles in a hospital newsletter", source: "Reference lists", reason: "not-empirical" },
  { title: "Citing peer support: an editorial", source: "Reference lists", reason: null },
];

const CRITERIA = {
  inclusion: [
    { id: "qualitative", text: "Qualitative data on the experience of the role", keywords: ["qualitative", "interview", "experience"] },
    { id: "peer-role", text: "People employed for their lived experience of mental health services", keywords: ["peer", "lived experience", "consumer provider", "expert by experience"] },
  ],
  exclusion: [
    { id: "not-employed", text: "Volunteers or involvement not employed in a role", keywords: ["volunteer", "involvement"] },
    { id: "not-own-care", text: "The role is not outside the person's own care", keywords: ["carer"] },
    { id: "quantitative", text: "Quantitative data only", keywords: ["survey", "trial", "cohort"] },
    { id: "not-empirical", text: "Not an empirical study", keywords: ["commentary", "editorial", "report"] },
  ],
};

function ris(records: DemoRecord[]): Uint8Array {
  const text = records.map((r) => `TY  - JOUR\r\nTI  - ${r.title}\r\nAU  - ${r.author}\r\nPY  - ${r.year}\r\nDO  - ${r.doi}\r\nER  - \r\n`).join("");
  return new TextEncoder().encode(text);
}

interface People {
  leadId: string;
  raterId: string;
}

export async function seedDemoReview(host: DocumentHost, workers: WorkerPool, projectId: string, people: People): Promise<void> {
  const { leadId, raterId } = people;
  for (const { source, records } of SEARCH) {
    await importRecords(host.store, workers, { projectId, source, fileName: `${source.toLowerCase().replace(/\s+/g, "-")}.ris`, bytes: ris(records), addedBy: leadId });
  }
  for (const [i, extra] of BY_HAND.entries()) {
    await addRecordByHand(host.store, workers, { projectId, source: extra.source, fields: { ...emptyFields(), title: extra.title, year: 2019 + i, authors: [] }, addedBy: leadId });
  }
  await saveCriteria(host, projectId, CRITERIA, leadId);

  const rows = await host.store.db.selectFrom("records").select(["id", "title"]).where("project_id", "=", projectId).where("duplicate_of", "is", null).execute();
  const idOf = new Map(rows.map((r) => [r.title!, r.id]));
  const fullText = new Set([...KEPT.map((r) => r.title), ...BY_HAND.filter((r) => r.reason).map((r) => r.title)]);
  const reasonOf = new Map<string, string>([...EXCLUDED_AT_FULL_TEXT, ...BY_HAND.filter((r) => r.reason).map((r) => [r.title, r.reason!] as [string, string])]);

  // Title and abstract: the lead screens every record; the second rater a 10% sample, agreeing on all.
  const leadAtAbstract = (id: string) => (fullText.has(titleOf(rows, id)) ? "include" : "exclude");
  await screen(host, projectId, "title_abstract", people, { percent: 10 }, 20211101, leadAtAbstract, leadAtAbstract, reasonOf);

  // Full text: the second rater's five reports, one decided otherwise until the criteria were clarified.
  const leadAtFullText = (id: string) => (reasonOf.has(titleOf(rows, id)) ? "exclude" : "include");
  const disputed = await screen(host, projectId, "full_text", people, { count: 5 }, 20211115, leadAtFullText, (id, index) =>
    index === 0 ? (leadAtFullText(id) === "include" ? "exclude" : "include") : leadAtFullText(id),
  reasonOf);
  const reasonFor = (id: string) => reasonOf.get(titleOf(rows, id));
  const agreed = leadAtFullText(disputed);
  await recordConsensus(host, projectId, "full_text", disputed, { userId: leadId, mayManage: true }, {
    kind: "decision",
    decision: agreed,
    ...(agreed === "exclude" ? { reason: reasonFor(disputed) } : {}),
    note: "Agreed after clarifying what counts as a role outside one's own care.",
  });

  // Appraisal: the lead appraises all twelve with the thesis's points; the second rater four, one answer apart.
  await assignReviewer(host, projectId, "appraisal", { userId: leadId }, leadId);
  const sample = (await assignReviewer(host, projectId, "appraisal", { userId: raterId, count: 4, seed: 20211201 }, leadId)).find((a) => a.userId === raterId)!.recordIds!;
  for (const [paper, title] of INCLUDED.entries()) {
    await rate(host, projectId, "appraisal", idOf.get(title)!, leadId, { kind: "answers", answers: answersOf(paper), comments: {}, submit: true });
  }
  for (const [index, id] of sample.entries()) {
    const answers = answersOf(INCLUDED.indexOf(titleOf(rows, id)));
    // Q7 (ethics) is the one the raters read differently at first.
    const theirs = index === 0 ? { ...answers, q7: answers.q7 === "yes" ? "cant_tell" : "yes" } : answers;
    await rate(host, projectId, "appraisal", id, raterId, { kind: "answers", answers: theirs, comments: index === 0 ? { q7: "Ethical approval is stated but consent is not described." } : {}, submit: true });
  }
  await recordConsensus(host, projectId, "appraisal", sample[0]!, { userId: leadId, mayManage: true }, {
    kind: "answers",
    answers: { q7: answersOf(INCLUDED.indexOf(titleOf(rows, sample[0]!))).q7! },
    note: "Read against the checklist's hint together: approval and consent are both reported in the methods.",
  });
  await seedDemoExtraction(host.store, projectId, leadId);
}

const answersOf = (paper: number): Record<string, string> => ({ ...demoCaspAnswers(paper), "q10.a": "yes", "q10.b": "yes", "q10.c": paper % 3 === 0 ? "no" : "yes" });
const titleOf = (rows: { id: string; title: string | null }[], id: string) => rows.find((r) => r.id === id)!.title!;

function emptyFields() {
  return { type: null, journal: null, volume: null, issue: null, pages: null, doi: null, abstract: null, keywords: [] };
}

/** A screening stage: the lead decides every record at it, the second rater a seeded sample. */
async function screen(
  host: DocumentHost,
  projectId: string,
  stage: Stage,
  { leadId, raterId }: People,
  size: { percent: number } | { count: number },
  seed: number,
  lead: (id: string) => "include" | "exclude",
  second: (id: string, index: number) => "include" | "exclude",
  reasons: Map<string, string>,
): Promise<string> {
  await assignReviewer(host, projectId, stage, { userId: leadId }, leadId);
  const assignments = await assignReviewer(host, projectId, stage, { userId: raterId, ...size, seed }, leadId);
  const sample = assignments.find((a) => a.userId === raterId)!.recordIds!;
  const all = await recordsAtStage(host.store.db, projectId, stage);
  const titles = new Map((await host.store.db.selectFrom("records").select(["id", "title"]).where("id", "in", all).execute()).map((r) => [r.id, r.title!]));
  const decision = (id: string, choice: "include" | "exclude") => ({
    kind: "decision" as const,
    decision: choice,
    // A full-text exclusion names its criterion; the record the raters first disagreed on has one too.
    ...(stage === "full_text" && choice === "exclude" ? { reason: reasons.get(titles.get(id)!) ?? "not-own-care" } : {}),
    submit: true,
  });
  for (const id of all) await rate(host, projectId, stage, id, leadId, decision(id, lead(id)));
  for (const [index, id] of sample.entries()) await rate(host, projectId, stage, id, raterId, decision(id, second(id, index)));
  return sample[0]!;
}
