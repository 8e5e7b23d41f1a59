// The Redis the multi-process tests join their servers through (127.0.0.1:6379 here and on
// CI). Each test uses a key prefix of its own and removes its keys afterwards; where Redis
// is absent (a laptop) the tests say so and are skipped.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.CONCORD_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Why Redis cannot be used here, or null when it answers PING. */
export async function redisAbsence(): Promise<string | null> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG" ? null : "Redis did not answer PING";
  } catch (error) {
    return `nothing answered at ${REDIS_URL} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    client.disconnect();
  }
}

/** A prefix no other test or instance uses. */
export function uniquePrefix(): string {
  return `concord-test-${randomBytes(4).toString("hex")}`;
}

/** Deletes every key under `prefix`. */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
