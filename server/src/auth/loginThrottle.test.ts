import { describe, expect, it } from "vitest";
import { LoginThrottle, throttled } from "./loginThrottle";

describe("LoginThrottle", () => {
  it("allows ten attempts, then refuses until the window passes", async () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 10; i++) expect(await throttle.take("ana 1.2.3.4")).toBe(0);
    expect(await throttle.take("ana 1.2.3.4")).toBe(900);
    expect(await throttle.take("ana 5.6.7.8")).toBe(0);
    now += 15 * 60 * 1000;
    expect(await throttle.take("ana 1.2.3.4")).toBe(0);
  });

  it("counts attempts that are still being checked, so parallel ones cannot pass the limit", async () => {
    const throttle = new LoginThrottle(() => 0);
    let checked = 0;
    const slowCheck = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`wrong ${++checked}`)), 5));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => throttled(throttle, "k", slowCheck, (s) => new Error(`wait ${s}`))),
    );
    expect(checked).toBe(10);
    expect(results.filter((r) => r.status === "rejected" && String(r.reason).includes("wait"))).toHaveLength(40);
  });

  it("forgets the attempts after a success", async () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 9; i++) await throttle.take("k");
    await throttled(throttle, "k", () => Promise.resolve("ok"), () => new Error("refused"));
    for (let i = 0; i < 10; i++) expect(await throttle.take("k")).toBe(0);
  });
});
