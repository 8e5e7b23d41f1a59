// Attempt limits shared by every process (password guesses, emails per recipient): one
// counter per key in Redis, counted and given its window in one atomic step, so more
// processes never mean more guesses. Keys are hashed: an email address is not left in Redis.
import { createHash } from "node:crypto";
import type { AttemptLimiter } from "../auth/loginThrottle";
import type { RedisLink } from "./connection";

/** INCR, and on the first attempt start the window; returns [attempts, ms left in the window]. */
const TAKE = `local n = redis.call("INCR", KEYS[1])
if n == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return {n, redis.call("PTTL", KEYS[1])}`;

export class RedisAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly redis: RedisLink,
    /** What is limited, part of the key ("sign-in", "mail"). */
    private readonly purpose: string,
    private readonly limit: { max: number; windowMs: number },
  ) {}

  private key(key: string): string {
    return `${this.redis.prefix}attempts:${this.purpose}:${createHash("sha256").update(key).digest("hex")}`;
  }

  async take(key: string): Promise<number> {
    const [attempts, msLeft] = (await this.redis.commands.eval(TAKE, 1, this.key(key), String(this.limit.windowMs))) as [number, number];
    return attempts > this.limit.max ? Math.max(1, Math.ceil(msLeft / 1000)) : 0;
  }

  async forget(key: string): Promise<void> {
    await this.redis.commands.del(this.key(key));
  }
}
