// `pnpm bench:coding`: 2,000 codings by 3 coders on a 15,000-word transcript.
// Times applying them through the coding model (anchoring offsets, adding to the layers), the
// two reads that place every coding in the current text (GET codings for the document, GET
// segments for one code), and the segment agreement of the three coders (GET agreement, at
// each unit: placing the codings, then the engine in the worker pool; and the engine alone),
// through the real app on the real SQLite store. Then, in Chromium, the client's part
// (codingChromium.ts): time to first render with every stripe, and typing latency.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { addCoding, anchorRange, buildDocumentName, transcriptTextMap } from "@concord/shared";
import { TEXT_UNITS, documentAgreement } from "@concord/shared/agreement/text/index";
import { syntheticTranscript } from "../../shared/bench/syntheticText";
import { createApp } from "../../server/src/app";
import { createUser, createSession } from "../../server/src/commands/accounts";
import { addMember, createProject } from "../../server/src/commands/projects";
import { createTranscript } from "../../server/src/commands/transcripts";
import { addCode } from "../../server/src/commands/codebook";
import { codedText } from "../../server/src/commands/codedSegments";
import { openStore } from "../../server/src/store/store";
import { WorkerPool } from "../../server/src/workers/pool";
import { measureInChromium } from "./codingChromium";
import { percentile } from "./timing";

const WORDS = 15_000;
const CODINGS = 2_000;
const CODERS = 3;
const RUNS = 15;


const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-coding-"));
const store = await openStore({ dataDir, sync: "normal" });
const workers = new WorkerPool();
const app = createApp({ store, publicUrl: () => new URL("http://localhost"), workers });
try {
  const coders = [];
  for (let i = 0; i < CODERS; i++) coders.push(await createUser(store.db, { email: `coder${i}@example.org`, password: "long password here", name: `Coder ${i}` }));
  const project = await createProject(store.db, "Bench", coders[0]!.id);
  for (const coder of coders.slice(1)) await addMember(store.db, project.id, coder.email, "supervisor");
  const text = syntheticTranscript(WORDS, 7);
  const document = await createTranscript(store, { projectId: project.id, title: "Long interview", text, createdBy: coders[0]!.id });
  const codes = [];
  for (let i = 0; i < 40; i++) codes.push(await addCode({ store }, project.id, { name: `Code ${i}`, level: "initial" }, coders[0]!.id));

  const transcript = await store.documents.loadDoc(document.id);
  const plain = transcriptTextMap(transcript).text;
  const layers = coders.map(() => new Y.Doc());
  let seed = 1;
  const random = (max: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % max);
  const started = performance.now();
  const map = transcriptTextMap(transcript);
  for (let i = 0; i < CODINGS; i++) {
    const start = random(plain.length - 400);
    const anchor = anchorRange(map, start, start + 20 + random(300));
    addCoding(layers[i % CODERS]!, `c${i}`, { codeId: codes[i % codes.length]!.id, anchor, note: "", createdAt: new Date().toISOString() });
  }
  const applyMs = performance.now() - started;
  for (const [i, layer] of layers.entries()) {
    const coder = coders[i]!;
    await store.documents.append(buildDocumentName({ kind: "layer", documentId: document.id, coderId: coder.id }), Y.encodeStateAsUpdate(layer));
    await store.db.insertInto("coding_layers").values({ document_id: document.id, coder_id: coder.id, created_at: new Date().toISOString() }).execute();
  }
  const { secret } = await createSession(store.db, coders[0]!.id);
  const headers = { cookie: `concord_session=${secret}` };
  const time = async (url: string) => {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const response = await app.request(url, { headers });
      size = (await response.text()).length;
      if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      times.push(performance.now() - t);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), min: Math.min(...times), bytes: size };
  };
  const all = await time(`/api/documents/${document.id}/codings`);
  const segments = await time(`/api/projects/${project.id}/codes/${codes[0]!.id}/segments`);
  const agreement = [];
  for (const unit of TEXT_UNITS) agreement.push({ unit, ...(await time(`/api/documents/${document.id}/agreement?unit=${unit}&threshold=0.9`)) });
  const coded = await codedText({ store }, document.id, coders.map((coder) => coder.id));
  const engine: number[] = [];
  let disagreements = 0;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    disagreements = documentAgreement(coded.text, coded.segments, { unit: "word", threshold: 0.9, coders: coders.map((coder) => coder.id) }).disagreements.length;
    engine.push(performance.now() - t);
  }
  const layerBytes = layers.map((layer) => Y.encodeStateAsUpdate(layer).length);
  console.log(`transcript: ${WORDS} words, ${plain.length} characters; ${CODINGS} codings by ${CODERS} coders on ${codes.length} codes`);
  console.log(`apply ${CODINGS} codings via the model (anchor + add): ${applyMs.toFixed(0)} ms (${((applyMs / CODINGS) * 1000).toFixed(0)} µs each)`);
  console.log(`layer documents: ${layerBytes.map((b) => `${(b / 1024).toFixed(0)} KiB`).join(", ")}`);
  console.log(`GET codings (all ${CODINGS}): p50 ${all.p50.toFixed(0)} ms, p95 ${all.p95.toFixed(0)} ms, ${(all.bytes / 1024).toFixed(0)} KiB`);
  console.log(`GET segments (one code, ~${CODINGS / codes.length}): p50 ${segments.p50.toFixed(0)} ms, p95 ${segments.p95.toFixed(0)} ms`);
  for (const a of agreement) console.log(`GET agreement, unit ${a.unit}, threshold 0.9 (3 coders): p50 ${a.p50.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms, fastest ${a.min.toFixed(0)} ms, ${(a.bytes / 1024).toFixed(0)} KiB (aim < 100 ms)`);
  console.log(`  of which the engine alone (word unit, in-process): p50 ${percentile(engine, 50).toFixed(0)} ms, p95 ${percentile(engine, 95).toFixed(0)} ms, fastest ${Math.min(...engine).toFixed(0)} ms; ${disagreements} disagreements`);
  console.log(`(load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} on ${os.cpus().length} cores)`);
  await measureInChromium(text, CODINGS, codes.length);
  console.log(`(load average after Chromium: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")})`);
} finally {
  await workers.close();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
