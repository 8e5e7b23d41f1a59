import { ROLE_LABELS } from "@concord/shared/project/roles";
import type { Role } from "../api/types";

/** How each role is named (the server's words too, so its messages match) and explained on screen. */
export const ROLE_TEXT: Record<Role, { name: string; description: string }> = {
  lead: { name: ROLE_LABELS.lead, description: "Runs the project, adds people and imports transcripts." },
  supervisor: { name: ROLE_LABELS.supervisor, description: "Reviews and discusses the analysis; can add transcripts." },
  consultant: { name: ROLE_LABELS.consultant, description: "Brings lived experience; edits, comments and shapes the analysis." },
  rater: { name: ROLE_LABELS.rater, description: "Rates a sample independently." },
  viewer: { name: ROLE_LABELS.viewer, description: "Can read, but not change anything." },
};

export const roleName = (role: Role): string => ROLE_TEXT[role]?.name ?? role;

/** Roles that may add transcripts to a project (the server checks this too). */
export const canAddDocuments = (role: Role): boolean => role === "lead" || role === "supervisor";
