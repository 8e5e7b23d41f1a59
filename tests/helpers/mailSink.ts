// An in-process SMTP server on a free loopback port that keeps every message it receives,
// so tests can read the emails Concord sends and follow their links. Never a real mail server.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { within } from "./collab";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** The first link in the text whose path starts with `prefix`: the secret that follows it. */
  token(prefix: string): string;
}

export interface MailSink {
  /** `smtp://127.0.0.1:<port>`, for CONCORD_SMTP_URL. */
  url: string;
  received: Mail[];
  /** Resolves with the first message (received so far or later) matching `predicate`. */
  waitFor(predicate: (mail: Mail) => boolean, what: string): Promise<Mail>;
  close(): Promise<void>;
}

/** Quoted-printable (what nodemailer uses for text with non-ASCII characters) to text. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A header with RFC 2047 encoded words (`=?UTF-8?Q?…?=`, as nodemailer writes quotes) to text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function parse(raw: string, to: string[]): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1] ?? "";
  const body = raw.slice(split + 4);
  const text = /quoted-printable/i.test(header("Content-Transfer-Encoding")) ? decodeQuotedPrintable(body) : body;
  return {
    to,
    subject: decodeHeader(header("Subject")),
    text,
    token(prefix) {
      const match = new RegExp(`https?://[^\\s/]+${prefix}([A-Za-z0-9_-]+)`).exec(text);
      if (!match) throw new Error(`No ${prefix} link in "${this.subject}":\n${text}`);
      return match[1]!;
    },
  };
}

export async function startMailSink(): Promise<MailSink> {
  const received: Mail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS upgrade or sign-in to negotiate.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(parse(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        for (const wake of waiting) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(predicate, what) {
      let wake: (() => void) | undefined;
      const found = new Promise<Mail>((resolve) => {
        wake = () => {
          const mail = received.find(predicate);
          if (mail) resolve(mail);
        };
        waiting.add(wake);
        wake();
      });
      return within(found, 10_000, `email: ${what}`).finally(() => waiting.delete(wake!));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
