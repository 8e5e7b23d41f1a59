// Screening and appraisal by two raters on a real server with real providers (issue 9
// §2–§6): a seeded sample that draws the same records again; blind until every assigned
// rater has submitted, on REST and on the socket (the raw frames rater B receives hold no
// byte of the lead's decision or comment before B submits); consensus and revisions that
// never overwrite the independent answers; the thesis's full-text figures (80% before, 100%
// after); a thread on a rating disagreement; bad input refused with nothing changed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLOSE, buildDocumentName, drawSample, readReviewEntries, type OwnReviewEntry, type RevealedReviewEntry } from "@concord/shared";
import { connect, recordingSocket, synced, untilDoc, within, type CollabClient } from "../helpers/collab";
import { api, discard, importRis, type ServerProcess, type TestUser } from "../helpers/server";
import { expectJson as json, startTeam } from "../helpers/team";

/** Words only the lead's blind work holds: found in any byte B receives before submitting, they would be a leak. */
const SECRET = "Lead-only-secret-comment on methods";
const TOPICS = ["burnout", "retention", "mentoring", "autonomy", "induction", "wellbeing", "supervision", "workload", "belonging", "identity", "teamwork", "resilience"];
const RIS = TOPICS.map((topic, i) => `TY  - JOUR\r\nTI  - ${topic[0]!.toUpperCase()}${topic.slice(1)} among newly qualified staff: study ${i + 1}\r\nAU  - Author${i}, A.\r\nPY  - ${2010 + i}\r\nAB  - An abstract about ${topic}.\r\nER  - \r\n`).join("");

let server: ServerProcess;
let lead: TestUser;
let raterB: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let coLead: TestUser;
let projectId: string;
let recordIds: string[];

interface Item {
  recordId: string;
  raters: { id: string }[];
  revealed: boolean;
  work: { rater: { id: string }; answers: Record<string, string>; comments: Record<string, string>; submitted: boolean; revised: { answers: Record<string, string> } | null }[];
  consensus: { answers: Record<string, string>; decidedBy: { id: string } } | null;
  collab: { own: string | null; revealed: string };
}
interface Assignment {
  user: { id: string };
  mode: string;
  seed: number | null;
  poolSize: number;
  recordIds: string[] | null;
}
interface Agreement {
  before: { percent_agreement: { value: number | null }; cohen_kappa: unknown; n_units: number } | null;
  after: { percent_agreement: { value: number | null } } | null;
  per_question: { question: string; before: { percent_agreement: { value: number | null }; n_units: number } | null; after: { percent_agreement: { value: number | null } } | null }[];
  items: { assigned: number; revealed: number; withConsensus: number; disagreeing: number };
  disagreements: { recordId: string; question: string; answers: { rater: { id: string }; answer: string | null; reason: string | null }[]; consensus: { answer: string } | null; threadId: string | null }[];
}

const call = (who: TestUser, method: string, route: string, body?: unknown) => api(server.url, who.token, method, route, body);
const stage = (name: string) => `/projects/${projectId}/stages/${name}`;
const rateItem = (who: TestUser, name: string, recordId: string, body: unknown) => call(who, "PUT", `${stage(name)}/items/${recordId}/rating`, body);
const item = async (who: TestUser, name: string, recordId: string) => json<Item>(await call(who, "GET", `${stage(name)}/items/${recordId}`), 200);
const assignments = async (name: string) => (await json<{ assignments: Assignment[] }>(await call(lead, "GET", `${stage(name)}/assignments`), 200)).assignments;


beforeAll(async () => {
  ({
    server,
    lead,
    projectId,
    members: { raterB, viewer, outsider, coLead },
  } = await startTeam({
    lead: "Lead Researcher",
    title: "Systematic review",
    members: {
      raterB: { name: "Bea Rater", role: "rater" },
      viewer: { name: "Vic Viewer", role: "viewer" },
      outsider: { name: "Olga Outsider", role: null },
      coLead: { name: "Cora Colead", role: null },
    },
  }));
  await json(await call(lead, "POST", `/projects/${projectId}/members`, { email: coLead.email, role: "lead", confirm: true }), 201);
  await json(importRis(server.url, lead.token, projectId, RIS, "PsycINFO"), 201);
  recordIds = (await json<{ records: { id: string }[] }>(await call(lead, "GET", `/projects/${projectId}/records`), 200)).records.map((r) => r.id);
  expect(recordIds).toHaveLength(TOPICS.length);
  await json(
    await call(lead, "PUT", `/projects/${projectId}/criteria`, {
      inclusion: [{ id: "qualitative", text: "Qualitative or mixed methods with a qualitative part", keywords: ["interview", "qualitative"] }],
      exclusion: [
        { id: "not-qualitative", text: "Quantitative only", keywords: ["survey"] },
        { id: "not-newly-qualified", text: "Not about newly qualified staff", keywords: [] },
      ],
    }),
    200,
  );
});

afterAll(async () => {
  if (server) await discard(server);
});

describe("screening and appraisal by two raters", () => {
  test("bad input before any assignment is refused with a clear error and nothing changes", async () => {
    const refusals: [string, Promise<Response>, number, RegExp][] = [
      ["a sample of 0%", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, percent: 0 }), 400, /more than 0/],
      ["a sample of 150%", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, percent: 150 }), 400, /at most 100/],
      ["a sample larger than the records", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, count: 13 }), 400, /more than the 12/],
      ["both a percent and a count", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, percent: 10, count: 2 }), 400, /not both/],
      ["an unknown stage", call(lead, "POST", `${stage("abstracts")}/assignments`, { userId: raterB.userId }), 400, /stage must be one of/],
      ["a viewer as reviewer", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: viewer.userId }), 400, /viewers cannot rate/],
      ["an outsider as reviewer", call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: outsider.userId }), 400, /member of this project/],
      ["a rater assigning", call(raterB, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId }), 403, /role/],
      ["an outsider's look", call(outsider, "GET", `${stage("title_abstract")}/items/${recordIds[0]}`), 404, /not found/],
      ["no one at the full-text stage yet", call(lead, "POST", `${stage("full_text")}/assignments`, { userId: raterB.userId, count: 1 }), 409, /No record has reached/],
      ["criteria sharing an id", call(lead, "PUT", `/projects/${projectId}/criteria`, { inclusion: [{ id: "x", text: "a" }], exclusion: [{ id: "x", text: "b" }] }), 400, /share one/],
    ];
    for (const [what, response, status, message] of refusals) {
      const answer = await response;
      const body = (await answer.json()) as { error: { message: string } };
      expect(answer.status, `${what}: ${body.error.message}`).toBe(status);
      expect(body.error.message, what).toMatch(message);
    }
    expect(await assignments("title_abstract")).toEqual([]);
    expect((await json<{ exclusion: unknown[] }>(await call(lead, "GET", `/projects/${projectId}/criteria`), 200)).exclusion).toHaveLength(2);
  });

  test("a seeded sample draws the same records again, the seed is recorded and the lead screens all", async () => {
    const { assignments: made } = await json<{ assignments: Assignment[] }>(
      await call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, percent: 25, seed: 20260101 }),
      201,
    );
    const b = made.find((a) => a.user.id === raterB.userId)!;
    expect(b).toMatchObject({ mode: "percent", seed: 20260101, poolSize: 12 });
    expect(b.recordIds).toEqual(drawSample(recordIds, 3, 20260101));
    expect(made.find((a) => a.user.id === lead.userId)).toMatchObject({ mode: "all", recordIds: null });
    // Assigned once: a second draw is refused, so the recorded sample stays the one rated.
    await json(await call(lead, "POST", `${stage("title_abstract")}/assignments`, { userId: raterB.userId, percent: 25, seed: 1 }), 409);
    expect((await assignments("title_abstract")).find((a) => a.user.id === raterB.userId)!.recordIds).toEqual(b.recordIds);
  });

  test("before B submits, B's sockets and answers carry no byte of the lead's decision or comment; after, B sees both live", async () => {
    const sample = (await assignments("title_abstract")).find((a) => a.user.id === raterB.userId)!.recordIds!;
    const target = sample[0]!;
    const bItem = await item(raterB, "title_abstract", target);
    expect(bItem.collab.own).toBe(buildDocumentName({ kind: "reviewRater", projectId, stage: "title_abstract", raterId: raterB.userId }));
    const frames: Buffer[] = [];
    const socket = recordingSocket(server.url, frames);
    const clients: CollabClient[] = [];
    try {
      const own = await synced(connect(server.url, bItem.collab.own!, raterB.token, { websocketProvider: socket }), "B's own");
      const revealed = await synced(connect(server.url, bItem.collab.revealed, raterB.token, { websocketProvider: socket }), "revealed");
      clients.push(own, revealed);
      // The lead's own document is refused to B (and to the viewer), however it is asked for.
      const leadDoc = buildDocumentName({ kind: "reviewRater", projectId, stage: "title_abstract", raterId: lead.userId });
      for (const who of [raterB, viewer]) {
        const refused = connect(server.url, leadDoc, who.token);
        clients.push(refused);
        await within(refused.refused, 10_000, "the lead's document is refused");
      }

      // The lead screens the record blind and submits, with a comment; a draft of B's first.
      await json(await rateItem(raterB, "title_abstract", target, { decision: "maybe" }), 200);
      const leadSaw = await json<Item>(await rateItem(lead, "title_abstract", target, { decision: "exclude", reason: "not-qualitative", comment: SECRET, submit: true }), 200);
      expect(leadSaw.revealed).toBe(false);
      expect(leadSaw.work.map((w) => w.rater.id)).toEqual([lead.userId]);
      // B's later change reaches B's own document, so every frame sent before it has arrived.
      await json(await rateItem(raterB, "title_abstract", target, { decision: "include", comment: "B's own note" }), 200);
      await untilDoc(own, () => readReviewEntries<OwnReviewEntry>(own.doc).get(target)?.work.answers.decision === "include", "B's draft reaches B");

      const bodies = await Promise.all([
        call(raterB, "GET", `${stage("title_abstract")}/items/${target}`).then((r) => r.text()),
        call(raterB, "GET", `${stage("title_abstract")}/items`).then((r) => r.text()),
        call(raterB, "GET", `${stage("title_abstract")}/agreement`).then((r) => r.text()),
        call(viewer, "GET", `${stage("title_abstract")}/items/${target}`).then((r) => r.text()),
      ]);
      for (const body of bodies) {
        expect(body).not.toContain(SECRET);
        expect(body).not.toContain("not-qualitative");
        expect(body).not.toContain('"exclude"');
      }
      // The lead rates too, so is blind as well: B's draft and note are not in the lead's answer.
      const leadBody = await call(lead, "GET", `${stage("title_abstract")}/items/${target}`).then((r) => r.text());
      expect(leadBody).not.toContain("B's own note");
      expect((JSON.parse(leadBody) as Item).work.map((w) => w.rater.id)).toEqual([lead.userId]);
      // A lead who is not rating watches only when the project allows it: on REST and on the socket.
      const bDoc = bItem.collab.own!;
      expect((await item(coLead, "title_abstract", target)).work).toEqual([]);
      const refusedWatcher = connect(server.url, bDoc, coLead.token);
      clients.push(refusedWatcher);
      await within(refusedWatcher.refused, 10_000, "watching is off: B's document is refused to the co-lead");
      await json(await call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: true }), 200);
      const watched = await item(coLead, "title_abstract", target);
      expect(watched.work.map((w) => w.rater.id).sort()).toEqual([lead.userId, raterB.userId].sort());
      const watcher = await synced(connect(server.url, bDoc, coLead.token), "B's document, watched");
      clients.push(watcher);
      await untilDoc(watcher, () => readReviewEntries<OwnReviewEntry>(watcher.doc).get(target)?.work.comments.decision === "B's own note", "the co-lead watches B's work");
      // Still blind for the raters themselves, whatever the setting.
      expect((await item(raterB, "title_abstract", target)).work.map((w) => w.rater.id)).toEqual([raterB.userId]);
      const closed = new Promise<string>((resolve) => watcher.provider.on("close", ({ event }: { event: { reason: string } }) => resolve(event.reason)));
      await json(await call(lead, "PATCH", `/projects/${projectId}/settings`, { leadMayWatchBlindCoding: false }), 200);
      expect(await within(closed, 10_000, "watching turned off closes the co-lead's socket")).toBe(CLOSE.accessChanged.reason);
      const again = connect(server.url, bDoc, coLead.token);
      clients.push(again);
      await within(again.refused, 10_000, "and B's document is refused to the co-lead again");
      expect((await item(coLead, "title_abstract", target)).work).toEqual([]);

      const bSees = JSON.parse(bodies[0]!) as Item;
      expect(bSees.work.map((w) => w.rater.id)).toEqual([raterB.userId]);
      expect(bSees.revealed).toBe(false);
      const bytes = Buffer.concat(frames);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
      expect(bytes.includes(Buffer.from("not-qualitative"))).toBe(false);
      expect(bytes.includes(Buffer.from("exclude"))).toBe(false);
      expect(bytes.includes(Buffer.from(lead.userId))).toBe(false);

      // B submits: the item reveals, and the revealed document brings the lead's work to B live.
      const after = await json<Item>(await rateItem(raterB, "title_abstract", target, { decision: "include", submit: true }), 200);
      expect(after.revealed).toBe(true);
      expect(after.work.find((w) => w.rater.id === lead.userId)!.comments.decision).toBe(SECRET);
      await untilDoc(revealed, () => readReviewEntries<RevealedReviewEntry>(revealed.doc).get(target)?.work.length === 2, "the revealed item reaches B");
      expect(readReviewEntries<RevealedReviewEntry>(revealed.doc).get(target)!.work.find((w) => w.rater === lead.userId)!.answers).toEqual({ decision: "exclude", reason: "not-qualitative" });
    } finally {
      for (const client of clients) client.destroy();
      socket.destroy();
    }
  });

  test("bad ratings and consensus are refused and change nothing", async () => {
    const sample = (await assignments("title_abstract")).find((a) => a.user.id === raterB.userId)!.recordIds!;
    const notB = recordIds.find((id) => !sample.includes(id))!;
    const open = sample[1]!;
    await json(await rateItem(lead, "title_abstract", open, { decision: "include", submit: true }), 200);
    const before = await item(lead, "title_abstract", open);
    const refusals: [string, Promise<Response>, number, RegExp][] = [
      ["a rating by someone not assigned", rateItem(raterB, "title_abstract", notB, { decision: "include", submit: true }), 403, /not assigned/],
      ["a rating by a viewer", rateItem(viewer, "title_abstract", open, { decision: "include" }), 403, /role/],
      ["consensus on an unrevealed item", call(lead, "PUT", `${stage("title_abstract")}/items/${open}/consensus`, { decision: "include" }), 409, /once every rater has submitted/],
      ["a decision that does not exist", rateItem(lead, "title_abstract", open, { decision: "perhaps" }), 400, /include, exclude, maybe/],
      ["a reason that is not a criterion", rateItem(lead, "title_abstract", open, { decision: "exclude", reason: "too-long" }), 400, /exclusion criteria/],
      ["checklist answers at screening", rateItem(lead, "title_abstract", open, { answers: { q1: "yes" } }), 400, /decision/],
      ["an empty rating", rateItem(lead, "title_abstract", open, {}), 400, /decision/],
      ["an unknown field", rateItem(lead, "title_abstract", open, { decision: "include", score: 3 }), 400, /score/],
      ["a thread on an unrevealed item", call(lead, "POST", `/projects/${projectId}/threads`, { anchor: { ratingDisagreement: { stage: "title_abstract", recordId: open } }, body: "Why?" }), 409, /revealed/],
      ["an unknown stage", call(lead, "GET", `${stage("quality")}/items/${open}`), 400, /stage must be one of/],
    ];
    for (const [what, response, status, message] of refusals) {
      const answer = await response;
      const body = (await answer.json()) as { error: { message: string } };
      expect(answer.status, `${what}: ${body.error.message}`).toBe(status);
      expect(body.error.message, what).toMatch(message);
    }
    expect(await item(lead, "title_abstract", open)).toEqual(before);
  });

  test("full text: 80% agreement before discussion and 100% after; consensus and revisions keep the independent answers", async () => {
    // Title and abstract: the lead screens every record (two out), B agrees on the rest of the sample.
    const sample = (await assignments("title_abstract")).find((a) => a.user.id === raterB.userId)!.recordIds!;
    const out = recordIds.filter((id) => !sample.includes(id)).slice(0, 2);
    for (const id of recordIds) {
      const current = await item(lead, "title_abstract", id);
      if (current.work.some((w) => w.rater.id === lead.userId && w.submitted)) continue;
      await json(await rateItem(lead, "title_abstract", id, { decision: out.includes(id) ? "exclude" : "include", submit: true }), 200);
    }
    for (const id of sample.slice(1)) await json(await rateItem(raterB, "title_abstract", id, { decision: "include", submit: true }), 200);
    // The first sampled record was disputed (exclude / include): settled as include.
    await json(await call(raterB, "PUT", `${stage("title_abstract")}/items/${sample[0]}/consensus`, { decision: "include", note: "Qualitative after all" }), 200);
    const abstracts = await json<Agreement>(await call(lead, "GET", `${stage("title_abstract")}/agreement`), 200);
    expect(abstracts.items).toMatchObject({ revealed: 12, withConsensus: 1 });
    expect(abstracts.before!.n_units).toBe(3);

    // Full text: the 10 included records; B gets N = 5.
    const { assignments: ft } = await json<{ assignments: Assignment[] }>(await call(lead, "POST", `${stage("full_text")}/assignments`, { userId: raterB.userId, count: 5, seed: 7 }), 201);
    const five = ft.find((a) => a.user.id === raterB.userId)!;
    expect(five.poolSize).toBe(10);
    expect(five.recordIds).toHaveLength(5);
    const [disputed, ...agreed] = five.recordIds!;
    await json(await rateItem(lead, "full_text", disputed!, { decision: "exclude", submit: true }), 400);
    await json(await rateItem(lead, "full_text", disputed!, { decision: "include", submit: true }), 200);
    await json(await rateItem(raterB, "full_text", disputed!, { decision: "exclude", reason: "not-newly-qualified", comment: "Students, not staff", submit: true }), 200);
    for (const id of agreed) {
      await json(await rateItem(lead, "full_text", id, { decision: "include", submit: true }), 200);
      await json(await rateItem(raterB, "full_text", id, { decision: "include", submit: true }), 200);
    }
    const first = await json<Agreement>(await call(raterB, "GET", `${stage("full_text")}/agreement`), 200);
    expect(first.before!.percent_agreement.value).toBeCloseTo(0.8, 10);
    expect(first.after!.percent_agreement.value).toBeCloseTo(0.8, 10);
    expect(first.disagreements).toHaveLength(1);
    expect(first.disagreements[0]).toMatchObject({ recordId: disputed, question: "decision", consensus: null, threadId: null });
    expect(first.disagreements[0]!.answers.find((a) => a.rater.id === raterB.userId)).toMatchObject({ answer: "exclude", reason: "not-newly-qualified" });

    // The two discuss it in a thread, and B changes their own answer after reveal: kept beside it, not over it.
    const thread = await json<{ id: string }>(
      await call(raterB, "POST", `/projects/${projectId}/threads`, { anchor: { ratingDisagreement: { stage: "full_text", recordId: disputed } }, body: "Newly qualified, with a student group too?" }),
      201,
    );
    const revised = await json<Item>(await rateItem(raterB, "full_text", disputed!, { decision: "include", submit: true }), 200);
    const bWork = revised.work.find((w) => w.rater.id === raterB.userId)!;
    expect(bWork.answers).toEqual({ decision: "exclude", reason: "not-newly-qualified" });
    expect(bWork.revised!.answers).toEqual({ decision: "include" });
    const settled = await json<Item>(await call(lead, "PUT", `${stage("full_text")}/items/${disputed}/consensus`, { decision: "include", note: "Criteria clarified" }), 200);
    expect(settled.consensus).toMatchObject({ answers: { decision: "include" }, decidedBy: { id: lead.userId } });
    const second = await json<Agreement>(await call(lead, "GET", `${stage("full_text")}/agreement`), 200);
    expect(second.before!.percent_agreement.value).toBeCloseTo(0.8, 10);
    expect(second.after!.percent_agreement.value).toBe(1);
    expect(second.items).toMatchObject({ assigned: 10, revealed: 5, withConsensus: 1, disagreeing: 1 });
    expect(second.disagreements[0]).toMatchObject({ recordId: disputed, consensus: { answer: "include" }, threadId: thread.id });
    // The stage's threads are listed for the review page; another stage has none.
    const onStage = await json<{ threads: { id: string; anchor: unknown; messages: { body: string }[] }[] }>(await call(lead, "GET", `/projects/${projectId}/threads?stage=full_text`), 200);
    expect(onStage.threads.map((t) => t.id)).toEqual([thread.id]);
    expect(onStage.threads[0]).toMatchObject({ anchor: { kind: "ratingDisagreement", stage: "full_text", recordId: disputed }, messages: [{ body: "Newly qualified, with a student group too?" }] });
    expect((await json<{ threads: unknown[] }>(await call(lead, "GET", `/projects/${projectId}/threads?stage=title_abstract`), 200)).threads).toEqual([]);
    await json(await call(lead, "GET", `/projects/${projectId}/threads?stage=synthesis`), 400);

    // Appraisal takes the checklist's questions only, and reproduces the thesis's CASP figures:
    // 4 papers × 9 scored questions, 35 of 36 alike (97.2%), then 100% after consensus.
    const { assignments: ap } = await json<{ assignments: Assignment[] }>(await call(lead, "POST", `${stage("appraisal")}/assignments`, { userId: raterB.userId, count: 4, seed: 3 }), 201);
    const papers = ap.find((a) => a.user.id === raterB.userId)!.recordIds!;
    expect(papers).toHaveLength(4);
    const refused = await json<{ error: { message: string } }>(await rateItem(raterB, "appraisal", papers[0]!, { answers: { q1: "yes", q11: "yes" }, comments: {} }), 400);
    expect(refused.error.message).toMatch(/"q11" is not a question/);
    await json(await rateItem(raterB, "appraisal", papers[0]!, { answers: { q1: "yes" }, comments: { q1: "Clear aims" }, submit: true }), 400);
    expect((await item(raterB, "appraisal", papers[0]!)).work).toEqual([]);
    // The screen renders the checklist the API names, not one built into the page.
    const listed = await json<{ checklist: { ref: string; definition: { questions: { key: string; prompts: unknown[] }[] } } }>(await call(raterB, "GET", `${stage("appraisal")}/items?mine=true`), 200);
    expect(listed.checklist.ref).toBe("casp-qualitative@1");
    expect(listed.checklist.definition.questions.map((q) => q.key)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]);
    expect(((await item(raterB, "appraisal", papers[0]!)) as Item & { checklist: { ref: string } }).checklist.ref).toBe("casp-qualitative@1");
    expect((await json<{ checklist: unknown }>(await call(raterB, "GET", `${stage("full_text")}/items`), 200)).checklist).toBeNull();
    const scored = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
    const allYes = Object.fromEntries(scored.map((q) => [q, "yes"]));
    for (const [i, paper] of papers.entries()) {
      await json(await rateItem(lead, "appraisal", paper, { answers: { ...allYes, "q10.a": "yes" }, comments: {}, submit: true }), 200);
      const bAnswers = i === 0 ? { ...allYes, q6: "cant_tell" } : allYes;
      await json(await rateItem(raterB, "appraisal", paper, { answers: bAnswers, comments: i === 0 ? { q6: "Reflexivity only touched on" } : {}, submit: true }), 200);
    }
    // Revealed, the item brings each rater the other's comments per question, for the appraisal form to show beside its own.
    expect((await item(lead, "appraisal", papers[0]!)).work.find((w) => w.rater.id === raterB.userId)!.comments).toEqual({ q6: "Reflexivity only touched on" });
    const casp = await json<Agreement>(await call(lead, "GET", `${stage("appraisal")}/agreement`), 200);
    expect(casp.before!.n_units).toBe(36);
    expect(casp.before!.percent_agreement.value).toBeCloseTo(35 / 36, 10);
    expect(casp.disagreements.map((d) => d.question)).toEqual(["q6"]);
    // Question by question: question 6 alone is 3 of 4 papers alike; the others all alike.
    expect(casp.per_question.map((q) => q.question)).toEqual(scored);
    const q6 = casp.per_question.find((q) => q.question === "q6")!;
    expect(q6.before!.n_units).toBe(4);
    expect(q6.before!.percent_agreement.value).toBeCloseTo(0.75, 10);
    expect(casp.per_question.find((q) => q.question === "q1")!.before!.percent_agreement.value).toBe(1);
    await json(await call(raterB, "PUT", `${stage("appraisal")}/items/${papers[0]}/consensus`, { answers: { q6: "yes" }, note: "Discussed against the checklist item" }), 200);
    const settledCasp = await json<Agreement>(await call(lead, "GET", `${stage("appraisal")}/agreement`), 200);
    expect(settledCasp.before!.percent_agreement.value).toBeCloseTo(35 / 36, 10);
    expect(settledCasp.after!.percent_agreement.value).toBe(1);
    expect(settledCasp.per_question.find((q) => q.question === "q6")!.after!.percent_agreement.value).toBe(1);
  });
});
