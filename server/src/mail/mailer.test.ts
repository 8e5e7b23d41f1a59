import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../auth/loginThrottle";
import { MAILS_PER_RECIPIENT, MailLimitError, recipientLimited, type Mailer, type Message } from "./mailer";

/** Keeps what it is asked to send (the SMTP side is tested against a real sink in tests/integration). */
function outbox(): Mailer & { sent: Message[] } {
  const sent: Message[] = [];
  return { sent, send: (message) => Promise.resolve(void sent.push(message)) };
}

const to = (address: string): Message => ({ to: address, subject: "Reset your password", text: "…" });

describe("recipientLimited", () => {
  it("sends at most five emails an hour to one address, however its case is written, and others are unaffected", async () => {
    let now = 0;
    const box = outbox();
    const mailer = recipientLimited(box, new LoginThrottle(() => now, MAILS_PER_RECIPIENT));
    for (let i = 0; i < MAILS_PER_RECIPIENT.max; i++) await mailer.send(to(i % 2 ? "Jo@Uni.example" : "jo@uni.example"));
    await expect(mailer.send(to("jo@uni.example"))).rejects.toBeInstanceOf(MailLimitError);
    await mailer.send(to("sam@uni.example"));
    expect(box.sent.map((m) => m.to.toLowerCase())).toEqual([...Array(5).fill("jo@uni.example"), "sam@uni.example"]);
    now += MAILS_PER_RECIPIENT.windowMs;
    await mailer.send(to("jo@uni.example"));
    expect(box.sent).toHaveLength(7);
  });
});
