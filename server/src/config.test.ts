import { describe, expect, it } from "vitest";
import { configFromEnv } from "./config";

describe("configFromEnv: several processes", () => {
  it("joins processes through Redis only on a shared PostgreSQL database", () => {
    expect(() => configFromEnv({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/set DATABASE_URL/);
    const config = configFromEnv({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://concord@localhost:5432/concord" });
    expect(config).toMatchObject({ redisUrl: "redis://127.0.0.1:6379", redisPrefix: "concord" });
  });

  it("refuses a Redis address or prefix it cannot use, in plain words", () => {
    const db = { DATABASE_URL: "postgres://concord@localhost:5432/concord" };
    expect(() => configFromEnv({ ...db, REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL must be a Redis address/);
    expect(() => configFromEnv({ ...db, REDIS_URL: "redis://h:6379", CONCORD_REDIS_PREFIX: "a b" })).toThrow(/CONCORD_REDIS_PREFIX may hold/);
    expect(configFromEnv({ ...db, REDIS_URL: "redis://h:6379", CONCORD_REDIS_PREFIX: "dept-a" }).redisPrefix).toBe("dept-a");
  });
});
