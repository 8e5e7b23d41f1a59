// The emails Concord sends, in plain words. Each names what happened and what to do, and
// says what to do if it was not you.
import type { Role } from "@concord/shared";
import type { Message } from "./mailer";

export const ROLE_NAMES: Record<Role, string> = {
  lead: "lead researcher",
  supervisor: "supervisor",
  consultant: "service-user consultant",
  rater: "second rater",
  viewer: "viewer",
};

const SIGNATURE = "\n\n— Concord, your research team's shared workspace";

export function confirmAddress(to: string, link: URL): Message {
  return {
    to,
    subject: "Confirm your email address for Concord",
    text:
      `Someone created a Concord account with this email address. If it was you, open this link and sign in to confirm it:\n\n${link}\n\n` +
      `The link works for 3 days. If it was not you, ignore this email: nobody can be added to a project at this address until it is confirmed.` +
      SIGNATURE,
  };
}

export function signUpAttempt(to: string, link: URL): Message {
  return {
    to,
    subject: "Someone tried to create a Concord account with your address",
    text:
      `Someone tried to create a new Concord account with this email address, but you already have one.\n\n` +
      `If it was you and you have forgotten your password, choose a new one here (the link works for 1 hour):\n\n${link}\n\n` +
      `If it was not you, you need do nothing: your account is unchanged.` +
      SIGNATURE,
  };
}

export function passwordReset(to: string, link: URL): Message {
  return {
    to,
    subject: "Choose a new Concord password",
    text:
      `Someone asked to reset the password of the Concord account with this email address. If it was you, choose a new password here (the link works for 1 hour):\n\n${link}\n\n` +
      `Choosing a new password signs you out everywhere and stops your API tokens. If it was not you, ignore this email: your password is unchanged.` +
      SIGNATURE,
  };
}

export function projectInvitation(to: string, input: { inviter: string; projectTitle: string; role: string; link: URL }): Message {
  return {
    to,
    subject: `${input.inviter} invited you to "${input.projectTitle}" in Concord`,
    text:
      `${input.inviter} invited you to join the project "${input.projectTitle}" in Concord as ${input.role}.\n\n` +
      `To join, open this link and sign in or create an account:\n\n${input.link}\n\n` +
      `If you were not expecting this, you can ignore this email.` +
      SIGNATURE,
  };
}
