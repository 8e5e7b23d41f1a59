// The side panel's tabs. Each feature that has something to show beside the text registers
// here: presence now; discussion (which will read `?thread=`) and memos will follow, each
// one entry. A panel gets what the open document knows and renders its own content.
import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import type { DocumentDetail } from "../api/types";
import { CodesPanel } from "../coding/CodesPanel";
import { PresenceList } from "../editor/PresenceList";
import type { PresentPerson } from "../editor/usePresence";

/** What a panel can use of the open document. */
export type PanelContext = { document: DocumentDetail; people: PresentPerson[]; connected: boolean; editor: Editor | null };

export type DocumentPanel = { id: string; label: string; render: (context: PanelContext) => ReactNode };

export const DOCUMENT_PANELS: DocumentPanel[] = [
  { id: "presence", label: "Here now", render: ({ people, connected }) => <PresenceList people={people} connected={connected} /> },
  { id: "codes", label: "Codes", render: () => <CodesPanel /> },
];
