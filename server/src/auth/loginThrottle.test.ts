import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./loginThrottle";

describe("LoginThrottle", () => {
  it("refuses attempts after ten failures until the window passes", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 10; i++) {
      expect(throttle.retryAfter("ana 1.2.3.4")).toBe(0);
      throttle.recordFailure("ana 1.2.3.4");
    }
    expect(throttle.retryAfter("ana 1.2.3.4")).toBe(900);
    expect(throttle.retryAfter("ana 5.6.7.8")).toBe(0);
    now += 15 * 60 * 1000;
    expect(throttle.retryAfter("ana 1.2.3.4")).toBe(0);
  });

  it("forgets failures after a successful sign-in", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 9; i++) throttle.recordFailure("k");
    throttle.recordSuccess("k");
    throttle.recordFailure("k");
    expect(throttle.retryAfter("k")).toBe(0);
  });
});
