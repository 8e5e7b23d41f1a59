// Counts attempts per key within a window and refuses past a limit. Its first use slows password guessing: at most 10 password checks for one key (an email and
// an address, so a stranger cannot lock a colleague out from elsewhere) within a window.
// An attempt is counted *before* its password is checked, in the same step that decides
// whether it may go ahead, so requests sent in parallel cannot all slip past the limit.
// A successful sign-in forgets the count.
//
// This store is in memory, for one process; with several processes joined by Redis every
// process counts in Redis instead (redis/attemptLimiter.ts), through the same two methods.

/** Password checks: 10 per key in 15 minutes. */
export const PASSWORD_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 };

export interface AttemptLimiter {
  /** Counts one attempt for `key`: 0 if it may go ahead, else the seconds to wait. */
  take(key: string): Promise<number>;
  /** Forgets `key`'s attempts (after a success). */
  forget(key: string): Promise<void>;
}

interface Entry {
  attempts: number;
  firstAt: number;
}

export class LoginThrottle implements AttemptLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit: { max: number; windowMs: number } = PASSWORD_LIMIT,
  ) {}

  take(key: string): Promise<number> {
    // Synchronous from lookup to increment: nothing can interleave between check and count.
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || now - entry.firstAt >= this.limit.windowMs) {
      entry = { attempts: 0, firstAt: now };
      this.entries.set(key, entry);
      if (this.entries.size > 100_000) this.prune(now);
    }
    entry.attempts++;
    const wait = entry.attempts > this.limit.max ? Math.ceil((this.limit.windowMs - (now - entry.firstAt)) / 1000) : 0;
    return Promise.resolve(wait);
  }

  forget(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.firstAt >= this.limit.windowMs) this.entries.delete(key);
  }
}

/**
 * Runs `check` (a password check) only if `key` has attempts left; a failed check stays
 * counted, a successful one clears the count. Over the limit, throws tooManyAttempts.
 */
export async function throttled<T>(limiter: AttemptLimiter, key: string, check: () => Promise<T>, refuse: (seconds: number) => Error): Promise<T> {
  const wait = await limiter.take(key);
  if (wait > 0) throw refuse(wait);
  const result = await check();
  await limiter.forget(key);
  return result;
}
