// The one place that builds and parses WebSocket document names. Today a name is the
// document's id; later names (per-coder layers, blinded rating docs) will extend this
// grammar here rather than in every extension.

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface DocumentAddress {
  documentId: string;
}

/** Whether a string has the shape of a Concord id (a lowercase UUID). */
export function isId(value: string): boolean {
  return ID.test(value);
}

export function buildDocumentName(address: DocumentAddress): string {
  return address.documentId;
}

/** Parses a document name, or returns null when it is not one Concord could have made. */
export function parseDocumentName(name: string): DocumentAddress | null {
  return isId(name) ? { documentId: name } : null;
}
