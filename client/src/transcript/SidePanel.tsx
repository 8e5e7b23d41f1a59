// The panel host beside a transcript: one tab per registered panel (panels.tsx), following
// the ARIA tabs pattern (arrow keys, Home and End move between tabs; Tab goes into the panel).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { DocumentPanel, PanelContext } from "./panels";

/** A panel to bring forward, with a count that changes on each request. */
export type PanelRequest = { id: string; seq: number };

type Props = { panels: DocumentPanel[]; context: PanelContext; request?: PanelRequest | null };

export function SidePanel({ panels, context, request = null }: Props) {
  const [activeId, setActiveId] = useState(request?.id ?? panels[0]?.id);
  // A feature asked for its panel (a link to a thread, a shortcut): show it.
  useEffect(() => {
    if (request) setActiveId(request.id);
  }, [request?.seq]);
  const prefix = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const active = panels.find((panel) => panel.id === activeId) ?? panels[0];
  if (!active) return null;
  // One panel needs no tabs: they appear once a second feature registers its panel.
  if (panels.length === 1) return <div className="side-panel">{active.render(context)}</div>;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = panels.indexOf(active!);
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? (index + 1) % panels.length
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? (index - 1 + panels.length) % panels.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? panels.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setActiveId(panels[next]!.id);
    tabs.current[next]?.focus();
  }

  return (
    <div className="side-panel">
      <div role="tablist" aria-label="Side panel" className="side-panel__tabs" onKeyDown={onKeyDown}>
        {panels.map((panel, index) => (
          <button
            key={panel.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${panel.id}`}
            aria-selected={panel === active}
            aria-controls={`${prefix}-panel-${panel.id}`}
            tabIndex={panel === active ? 0 : -1}
            className="side-panel__tab"
            onClick={() => setActiveId(panel.id)}
          >
            {panel.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel-${active.id}`} aria-labelledby={`${prefix}-tab-${active.id}`} className="side-panel__body">
        {active.render(context)}
      </div>
    </div>
  );
}

/** The words on the button that opens the panel as a sheet: its one tab's name, or short enough to fit beside "All transcripts" on a phone. */
export function sidePanelName(panels: DocumentPanel[]): string {
  return panels.length === 1 ? panels[0]!.label : "Side panel";
}
