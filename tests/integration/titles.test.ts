// Titles are shown to everyone in a project, so the server holds every title-like field to
// one rule (@concord/shared checkTitle): NFC, something visible, no control characters, no
// bidirectional overrides, no broken surrogates. Refused input changes nothing stored.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, createProject, discard, signUp, startServer, type ServerProcess, type TestUser } from "../helpers/server";

let server: ServerProcess;
let lead: TestUser;
let projectId: string;

beforeAll(async () => {
  server = await startServer();
  lead = await signUp(server.url, "Lead");
  projectId = await createProject(server.url, lead.token, "Existing study");
});

afterAll(async () => {
  if (server) await discard(server);
});

const BAD_TITLES: [string, string, RegExp][] = [
  ["only a zero-width space", "\u200B", /visible character/],
  ["a right-to-left override", "Interviews \u202Etxt.exe", /direction of the text/],
  ["NUL", "Study\u0000one", /control characters/],
  ["a lone surrogate", "Study \uD800", /broken character/],
];

async function titles(route: string, key: "projects" | "documents"): Promise<string[]> {
  const body = (await (await api(server.url, lead.token, "GET", route)).json()) as Record<string, { title: string }[]>;
  return body[key]!.map((item) => item.title);
}

async function expectRefused(response: Response, message: RegExp) {
  expect(response.status).toBe(400);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("validation_failed");
  expect(error.message).toMatch(message);
}

describe("titles", () => {
  test.each(BAD_TITLES)("a project title with %s is refused with a clear 400 and nothing is stored", async (_, title, message) => {
    await expectRefused(await api(server.url, lead.token, "POST", "/projects", { title }), message);
    expect(await titles("/projects", "projects")).toEqual(["Existing study"]);
  });

  test.each(BAD_TITLES)("a transcript title with %s is refused, as JSON and as a form field", async (_, title, message) => {
    const text = "I: Hello.\nP: Hello.";
    await expectRefused(
      await api(server.url, lead.token, "POST", `/projects/${projectId}/documents`, { title, kind: "transcript", text }),
      message,
    );
    // A form field is UTF-8 on the wire, where a lone surrogate cannot exist (it arrives as U+FFFD).
    if (!/[\uD800-\uDFFF]/.test(title)) {
      const form = new FormData();
      form.append("file", new File([text], "interview.txt", { type: "text/plain" }));
      form.append("title", title);
      await expectRefused(await upload(form), message);
    }
    expect(await titles(`/projects/${projectId}/documents`, "documents")).toEqual([]);
  });

  test("a title made from a file name follows the same rule", async () => {
    const text = "I: Hello.";
    const named = (name: string) => {
      const form = new FormData();
      form.append("file", new File([text], name, { type: "text/plain" }));
      return upload(form);
    };
    await expectRefused(await named("Interview \u202Etxt.exe.txt"), /file name cannot be used/);
    const invisible = await named("\u200B.txt");
    expect(invisible.status).toBe(201);
    expect(((await invisible.json()) as { title: string }).title).toBe("Untitled transcript");
  });

  test("titles are stored in NFC with invisible edges trimmed", async () => {
    const response = await api(server.url, lead.token, "POST", "/projects", { title: "\u200B Cafe\u0301 study " });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { title: string }).title).toBe("Café study");
    expect(await titles("/projects", "projects")).toContain("Café study");
  });
});

function upload(form: FormData): Promise<Response> {
  return fetch(`${server.url}/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { authorization: `Bearer ${lead.token}` },
    body: form,
  });
}
