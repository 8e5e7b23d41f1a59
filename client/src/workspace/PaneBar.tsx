// The row above a transcript on a narrow screen with the buttons that open its panes as
// sheets: the project's transcripts at the start, the side panel at the end. The side panel
// belongs to the editor, which loads later, so it puts its button into the bar's end slot.
import { createContext, useContext, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

const EndSlot = createContext<HTMLElement | null>(null);

export function PaneBar({ start, children }: { start: ReactNode; children: ReactNode }) {
  const [end, setEnd] = useState<HTMLDivElement | null>(null);
  return (
    <EndSlot.Provider value={end}>
      <div className="pane-bar">
        {start}
        <div ref={setEnd} className="pane-bar__end" />
      </div>
      {children}
    </EndSlot.Provider>
  );
}

/** Shows `children` at the end of the pane bar, when there is one (a narrow screen). */
export function PaneBarEnd({ children }: { children: ReactNode }) {
  const slot = useContext(EndSlot);
  return slot ? createPortal(children, slot) : null;
}
