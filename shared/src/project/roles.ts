// Project roles and what each may do. The server enforces these on every route and every
// document connection; the client uses the same table only to hide controls a role can't use.

export const ROLES = ["lead", "supervisor", "consultant", "rater", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles an invitation link may carry. Never lead: a link can be forwarded, and whoever
 * holds a lead link could remove everyone else. A co-lead is added by email, with a
 * confirmation.
 */
export const LINK_ROLES = ["supervisor", "consultant", "rater", "viewer"] as const satisfies readonly Role[];
export type LinkRole = (typeof LINK_ROLES)[number];

export type Permission =
  | "project.read"
  | "project.manageMembers"
  | "document.create"
  | "document.edit"
  /** Start threads, reply, resolve and reopen them. */
  | "discussion.write"
  /** Switch a transcript to blind double coding, reveal it, and say whether a non-coding lead may watch. */
  | "coding.blind"
  /** Assign reviewers to a stage of screening or appraisal, and edit the inclusion and exclusion criteria. */
  | "review.manage";

const GRANTS: Record<Role, readonly Permission[]> = {
  lead: ["project.read", "project.manageMembers", "document.create", "document.edit", "discussion.write", "coding.blind", "review.manage"],
  supervisor: ["project.read", "document.create", "document.edit", "discussion.write"],
  // The consultant has an equal voice: they edit and comment like a supervisor, but
  // importing sources stays with the lead and supervisors.
  consultant: ["project.read", "document.edit", "discussion.write"],
  rater: ["project.read", "document.edit", "discussion.write"],
  viewer: ["project.read"],
};

/** Whether a member with `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Plain-language names for the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  lead: "Lead researcher",
  supervisor: "Supervisor",
  consultant: "Service-user consultant",
  rater: "Second rater",
  viewer: "Viewer",
};
