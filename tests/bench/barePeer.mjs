// The bare peer `pnpm bench:sync` compares Concord with: Hocuspocus and its own SQLite
// extension, nothing else (no sign-in, no checks, no durable log). Plain JavaScript run by
// plain Node, so neither a loader nor TypeScript is counted against it.
// Usage: node barePeer.mjs <database file>; prints "Bare peer listening on http://…".
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, extensions: [new SQLite({ database: process.argv[2] })] });
await server.listen();
console.log(`Bare peer listening on ${server.httpURL}`);
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void server.destroy().then(() => process.exit(0)));
