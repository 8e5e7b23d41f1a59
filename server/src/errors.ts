// One error vocabulary: each error has a stable code for scripts and a message for people.
// Routes throw these; the single onError handler in app.ts turns them into JSON.
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

export const errors = {
  validation: (message: string, details?: unknown) => new ApiError(400, "validation_failed", message, details),
  unauthenticated: () => new ApiError(401, "unauthenticated", "Sign in to continue."),
  badCredentials: () => new ApiError(401, "bad_credentials", "That email and password do not match an account."),
  wrongPassword: () => new ApiError(403, "wrong_password", "Your current password is not right. Nothing was changed."),
  forbidden: (message = "Your role in this project does not allow this.") => new ApiError(403, "forbidden", message),
  csrf: () => new ApiError(403, "cross_site_request", "This request did not come from Concord's own page."),
  /** A project or document the caller may not know exists: the words cover both cases. */
  notFound: (what: string) => new ApiError(404, "not_found", `${what} was not found, or you are not a member of its project.`),
  /** Something missing inside a project the caller already works in: said plainly. */
  missing: (message: string) => new ApiError(404, "not_found", message),
  invitationInvalid: () =>
    new ApiError(404, "not_found", "This invitation link is not valid. Ask the lead researcher for a new one."),
  emailLinkInvalid: (purpose: "verify" | "reset") =>
    new ApiError(
      404,
      "link_invalid",
      purpose === "verify"
        ? "This confirmation link is not valid for your account, or has been used or has expired. You can ask for a new one on your Account page."
        : "This password link is not valid any more (it works once, for 1 hour). Ask for a new one from the sign-in page.",
    ),
  conflict: (message: string) => new ApiError(409, "conflict", message),
  /** The request would do something weighty; send it again with `confirm: true` if meant. */
  confirmationRequired: (message: string) => new ApiError(409, "confirmation_required", message),
  gone: (message: string) => new ApiError(410, "gone", message),
  tooLarge: (message: string) => new ApiError(413, "too_large", message),
  tooManyAttempts: (seconds: number) =>
    new ApiError(429, "too_many_attempts", `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`),
  emailUnavailable: () =>
    new ApiError(503, "email_unavailable", "This Concord server does not send email. Ask the person who runs it to help."),
  tooManyEmails: () =>
    new ApiError(429, "too_many_emails", "That address has already had several emails from Concord in the last hour. Try again later."),
  emailFailed: () =>
    new ApiError(502, "email_failed", "The email could not be sent. Nothing was changed; please try again later."),
  unsupportedMedia: (message: string) => new ApiError(415, "unsupported_media_type", message),
  /** Well-formed input that would cost more time or memory than the server gives one request. */
  tooDemanding: (message: string) => new ApiError(422, "too_demanding", message),
  /** An upload that is readable but holds nothing to import (an empty file, a file with no records). */
  noRecords: (message: string) => new ApiError(422, "no_records", message),
  busy: () => new ApiError(503, "busy", "The server is busy with other people's work. Try again in a moment."),
  internal: () => new ApiError(500, "internal", "Something went wrong on the server."),
};
