// Sending email through the SMTP server named by CONCORD_SMTP_URL. Messages are plain text:
// they carry one link and must read well in any mail program.
import { LoginThrottle, type AttemptLimiter } from "../auth/loginThrottle";

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: Message): Promise<void>;
}

/** Loads nodemailer: only a process with CONCORD_SMTP_URL set does. */
export async function smtpMailer(url: URL, from: string): Promise<Mailer> {
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/** At most this many emails to one address per hour, whatever asks for them. */
export const MAILS_PER_RECIPIENT = { max: 5, windowMs: 60 * 60 * 1000 };

/** A message refused because its recipient has had their share this hour. */
export class MailLimitError extends Error {
  override readonly name = "MailLimitError";
}

/**
 * A mailer that sends at most MAILS_PER_RECIPIENT to one address. Sign-up and password reset
 * answer anyone, signed in or not, so without it a stranger could fill a colleague's inbox
 * from Concord's address (and have it marked as spam). Counted like the sign-in throttle:
 * in this process, or in Redis when several processes share the work.
 */
export function recipientLimited(mailer: Mailer, sent: AttemptLimiter = new LoginThrottle(Date.now, MAILS_PER_RECIPIENT)): Mailer {
  return {
    async send(message) {
      const wait = await sent.take(message.to.trim().toLowerCase());
      if (wait > 0) throw new MailLimitError(`${message.to} has been sent ${MAILS_PER_RECIPIENT.max} emails in the last hour.`);
      await mailer.send(message);
    },
  };
}

/**
 * Sends without making the caller wait or fail. For replies that must not depend on whether
 * the address has an account (sign-up, password reset): their timing and outcome would tell.
 */
export function sendInBackground(mailer: Mailer, message: Message): void {
  mailer.send(message).catch((error: unknown) => {
    console.error(`Could not send "${message.subject}" email:`, error instanceof Error ? error.message : error);
  });
}
