// The side panel's tabs. Each feature that has something to show beside the text registers
// here: presence, the codes, the discussion (which reads `?thread=`) and the coding round;
// memos will follow, each one entry. A panel gets what the open document knows and renders
// its own content.
import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import type { DocumentDetail } from "../api/types";
import { CodesPanel } from "../coding/CodesPanel";
import { CodingRoundPanel } from "../blind/CodingRoundPanel";
import { DiscussionPanel } from "../discussion/DiscussionPanel";
import { DISCUSSION_PANEL_ID, type Discussion } from "../discussion/useDiscussion";
import { PresenceList } from "../editor/PresenceList";
import type { PresentPerson } from "../editor/usePresence";

/** What a panel can use of the open document. */
export type PanelContext = {
  document: DocumentDetail;
  people: PresentPerson[];
  connected: boolean;
  editor: Editor | null;
  /** The thread being started on the selection, and the thread a link names. */
  discussion: Discussion;
};

export type DocumentPanel = { id: string; label: string; render: (context: PanelContext) => ReactNode };

export const DOCUMENT_PANELS: DocumentPanel[] = [
  { id: "presence", label: "Here now", render: ({ people, connected }) => <PresenceList people={people} connected={connected} /> },
  { id: "codes", label: "Codes", render: () => <CodesPanel /> },
  { id: DISCUSSION_PANEL_ID, label: "Discussion", render: ({ document, discussion }) => <DiscussionPanel document={document} discussion={discussion} /> },
  { id: "coding-round", label: "Coding round", render: ({ document }) => <CodingRoundPanel document={document} /> },
];
