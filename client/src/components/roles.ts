import type { Role } from "../api/types";

/** How each role is named and explained on screen, in plain words. */
export const ROLE_TEXT: Record<Role, { name: string; description: string }> = {
  lead: { name: "Lead researcher", description: "Runs the project, adds people and imports transcripts." },
  supervisor: { name: "Supervisor", description: "Reviews and discusses the analysis; can add transcripts." },
  consultant: { name: "Consultant", description: "Brings lived experience; edits, comments and shapes the analysis." },
  rater: { name: "Second rater", description: "Rates a sample independently." },
  viewer: { name: "Viewer", description: "Can read, but not change anything." },
};

export const roleName = (role: Role): string => ROLE_TEXT[role]?.name ?? role;

/** Roles that may add transcripts to a project (the server checks this too). */
export const canAddDocuments = (role: Role): boolean => role === "lead" || role === "supervisor";
