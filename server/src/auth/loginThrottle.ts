// Slows password guessing: after too many failed sign-ins for one email from one address
// within a window, further attempts are refused until the window passes. Keyed by email
// and address together so a stranger cannot lock a colleague out from elsewhere.
// In memory: with several server processes each keeps its own count (a later Redis store).

const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;

interface Entry {
  failures: number;
  firstAt: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until another attempt is allowed, or 0 when the caller may try now. */
  retryAfter(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.firstAt;
    if (elapsed >= WINDOW_MS) {
      this.entries.delete(key);
      return 0;
    }
    return entry.failures >= MAX_FAILURES ? Math.ceil((WINDOW_MS - elapsed) / 1000) : 0;
  }

  recordFailure(key: string): void {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.firstAt < WINDOW_MS) entry.failures++;
    else this.entries.set(key, { failures: 1, firstAt: this.now() });
    if (this.entries.size > 100_000) this.prune();
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private prune(): void {
    for (const [key, entry] of this.entries) if (this.now() - entry.firstAt >= WINDOW_MS) this.entries.delete(key);
  }
}
