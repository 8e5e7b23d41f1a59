import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE, clientFiles } from "./clientFiles";

// A built client as Vite and its precompress plugin leave it: a page and a hashed script,
// each with .br and .gz beside it.
const SCRIPT = `console.log(${JSON.stringify("a transcript editor ".repeat(200))});\n`;
let dir: string;
let files: ReturnType<typeof clientFiles>;

function writeWithCompressed(name: string, content: string) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-client-"));
  writeWithCompressed("index.html", '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  writeWithCompressed("assets/index-Ab12Cd34.js", SCRIPT);
  files = clientFiles(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, acceptEncoding?: string) =>
  Promise.resolve(files.request(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }));

describe("the built client", () => {
  it("sends a hashed script as brotli to browsers that accept it, cached for a year", async () => {
    const response = await get("/assets/index-Ab12Cd34.js", "gzip, deflate, br, zstd");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("cache-control")).toBe(CACHE.hashed);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length / 5);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it("sends gzip to browsers without brotli", async () => {
    const response = await get("/assets/index-Ab12Cd34.js", "gzip, deflate");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(zlib.gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it("sends the file as it is to clients that ask for no encoding, still marked as varying", async () => {
    const response = await get("/assets/index-Ab12Cd34.js");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(await response.text()).toBe(SCRIPT);
  });

  it("has the page checked again on every visit, at / and at the app's own addresses", async () => {
    for (const url of ["/", "/index.html", "/projects/p1/documents/d1"]) {
      const response = await get(url, "br");
      expect(response.status, url).toBe(200);
      expect(response.headers.get("cache-control"), url).toBe(CACHE.page);
      expect(response.headers.get("content-type"), url).toMatch(/text\/html/);
    }
    expect((await get("/", "br")).headers.get("content-encoding")).toBe("br");
  });

  it("answers 404, not the page, for a hashed file that is not there", async () => {
    const response = await get("/assets/index-Old00000.js", "br");
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe(CACHE.page);
  });
});
