// Sending email through the SMTP server named by CONCORD_SMTP_URL. Messages are plain text:
// they carry one link and must read well in any mail program.
import nodemailer from "nodemailer";

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: Message): Promise<void>;
}

export function smtpMailer(url: URL, from: string): Mailer {
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
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
