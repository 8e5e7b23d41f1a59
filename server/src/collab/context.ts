// What onAuthenticate establishes about a connection; later hooks read it instead of asking again.
import type { Role } from "@concord/shared";
import type { User } from "../auth/identify";

export interface ConnectionContext {
  user: User;
  role: Role;
  documentId: string;
  projectId: string;
}
