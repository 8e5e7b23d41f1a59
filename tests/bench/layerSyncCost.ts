// Part of `pnpm bench:coding`: what the coding layers cost the text's sync path. Ten clients
// hold a 15,000-word transcript open and take turns editing it; each other client times the
// edit's arrival. Once with no coding, once with 2,000 codings by three coders, every client
// also holding each coder's layer document open (as the page does). Figures only.
import { connectSynced, type CollabClient } from "../helpers/collab";
import { addMember, api, createProject, createTranscript, signUp, storedText, type ServerProcess, type TestUser } from "../helpers/server";
import { percentile, timeEdit } from "./timing";

const CLIENTS = 10;
const ROUNDS = 60;

async function propagationP99(server: ServerProcess, documentId: string, token: string, alsoOpen: string[]): Promise<{ p50: number; p99: number }> {
  const clients: CollabClient[] = [];
  const layers: CollabClient[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await connectSynced(server.url, documentId, token));
      for (const name of alsoOpen) layers.push(await connectSynced(server.url, name, token));
    }
    const arrivals: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const editor = clients[round % CLIENTS]!;
      arrivals.push(...(await timeEdit(editor, clients.filter((c) => c !== editor), ` e${round}`)).arrivals);
    }
    return { p50: percentile(arrivals, 50), p99: percentile(arrivals, 99) };
  } finally {
    for (const client of [...clients, ...layers]) client.destroy();
  }
}

/** Makes `count` codings on `documentId` through the REST route, spread over `coders`. */
async function code(server: ServerProcess, coders: TestUser[], documentId: string, codes: string[], count: number): Promise<void> {
  const plain = await storedText(server.url, coders[0]!.token, documentId);
  let seed = 11;
  const random = (max: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % max);
  let made = 0;
  const worker = async () => {
    while (made < count) {
      const i = made++;
      const start = random(plain.length - 400);
      const response = await api(server.url, coders[i % coders.length]!.token, "POST", `/documents/${documentId}/codings`, { codeId: codes[i % codes.length], start, end: start + 20 + random(300) });
      if (response.status !== 201) made--; // a span of labels only: try another
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

export async function measureLayerSyncCost(server: ServerProcess, text: string, codings: number): Promise<void> {
  const lead = await signUp(server.url, "Layer bench lead");
  const projectId = await createProject(server.url, lead.token, "Layer cost bench");
  const coders = [lead];
  for (const name of ["Second coder", "Third coder"]) {
    const coder = await signUp(server.url, name);
    await addMember(server.url, lead.token, projectId, coder.email, "supervisor");
    coders.push(coder);
  }
  const codes: string[] = [];
  for (let i = 0; i < 40; i++) codes.push(((await (await api(server.url, lead.token, "POST", `/projects/${projectId}/codes`, { name: `Code ${i}`, level: "initial" })).json()) as { id: string }).id);
  const bare = await createTranscript(server.url, lead.token, projectId, text, "Not coded");
  const coded = await createTranscript(server.url, lead.token, projectId, text, "Coded");
  await code(server, coders, coded, codes, codings);
  const detail = (await (await api(server.url, lead.token, "GET", `/documents/${coded}`)).json()) as { collab: { name: string; kind: string }[] };
  const layerNames = detail.collab.filter((entry) => entry.kind === "layer").map((entry) => entry.name);

  const without = await propagationP99(server, bare, lead.token, []);
  const withLayers = await propagationP99(server, coded, lead.token, layerNames);
  console.log(`Sync path, ${CLIENTS} clients taking turns on the ${text.split(/\s+/).length.toLocaleString("en")}-word text, ${ROUNDS} edits:`);
  console.log(`  no coding: propagation p50 ${without.p50.toFixed(1)} ms, p99 ${without.p99.toFixed(1)} ms`);
  console.log(`  ${codings} codings by ${coders.length} coders, every client holding the ${layerNames.length} layers open: p50 ${withLayers.p50.toFixed(1)} ms, p99 ${withLayers.p99.toFixed(1)} ms`);
}
