// Random bearer secrets (session cookies, API tokens, invitation links). Only their SHA-256
// hash is stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const API_TOKEN_PREFIX = "cnc_";
