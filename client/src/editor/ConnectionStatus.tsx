// The saving indicator: always visible, always in words (never colour alone). Screen readers
// hear only real changes (connected, offline, refused), not every keystroke's save.
import { useEffect, useState } from "react";
import type { ConnectionState } from "./connectionState";

type Kind = ConnectionState["kind"];

const TEXT: Record<Exclude<Kind, "refused" | "connecting">, { title: string; detail: string }> = {
  saved: { title: "Saved on the server", detail: "" },
  unshared: {
    title: "Saved, not shared yet",
    detail: "Concord's servers have lost touch with each other: people working through another one see your changes once they are back in touch, by themselves.",
  },
  pending: { title: "Sending your changes…", detail: "They are kept on this device until the server has them." },
  offline: { title: "Offline", detail: "Your changes are kept on this device and will be sent when you reconnect." },
};

function describe(state: ConnectionState, readOnly: boolean): { title: string; detail: string } {
  if (readOnly && state.kind === "unshared") {
    return { title: "Some changes may be late", detail: "Concord's servers have lost touch with each other: changes made through another one appear here once they are back in touch." };
  }
  if (readOnly && (state.kind === "saved" || state.kind === "pending")) {
    return { title: "Up to date", detail: "Changes by others appear here as they happen." };
  }
  switch (state.kind) {
    case "refused":
      return { title: "You can't open this document", detail: state.reason };
    case "connecting":
      return state.reconnecting
        ? { title: "Reconnecting…", detail: "Your changes are kept on this device and will be sent when you reconnect." }
        : { title: "Connecting…", detail: "Getting the latest version from the server." };
    default:
      return TEXT[state.kind];
  }
}

/** A word or two for the folded status line on a phone; the full wording is one tap away. */
export function shortTitle(state: ConnectionState, readOnly: boolean): string {
  if (readOnly && (state.kind === "saved" || state.kind === "pending")) return "Up to date";
  switch (state.kind) {
    case "saved":
      return "Saved";
    case "unshared":
      return readOnly ? "May be late" : "Not shared yet";
    case "pending":
      return "Sending…";
    case "connecting":
      return state.reconnecting ? "Reconnecting…" : "Connecting…";
    default:
      return describe(state, readOnly).title;
  }
}

const ANNOUNCE: Record<Exclude<Kind, "refused" | "unshared">, string> = {
  connecting: "Connecting to the server.",
  saved: "Connected. Your changes are saved automatically.",
  pending: "Connected. Your changes are saved automatically.",
  offline: "Offline. Your changes are kept on this device and will be sent when you reconnect.",
};

/** Shows "pending" only when it lasts, so typing does not make the indicator flicker. */
export function useSteadyState(state: ConnectionState, delayMs = 600): ConnectionState {
  const [shown, setShown] = useState(state);
  useEffect(() => {
    if (state.kind !== "pending") {
      setShown(state);
      return;
    }
    const timer = window.setTimeout(() => setShown(state), delayMs);
    return () => window.clearTimeout(timer);
  }, [state, delayMs]);
  return shown;
}

export function ConnectionStatus({ state, readOnly }: { state: ConnectionState; readOnly: boolean }) {
  const shown = useSteadyState(state);
  const { title, detail } = describe(shown, readOnly);
  const refused = shown.kind === "refused";
  return (
    <div className={`connection connection--${shown.kind}`} data-state={shown.kind}>
      <span className="connection__dot" aria-hidden="true" />
      <p className="connection__text" role={refused ? "alert" : undefined} aria-hidden={refused ? undefined : true}>
        <strong className="connection__title">{title}</strong>
        {detail ? <span className="connection__detail"> {detail}</span> : null}
      </p>
      {shown.kind !== "refused" ? (
        <p className="visually-hidden" role="status">
          {shown.kind === "unshared"
            ? `${title}. ${detail}`
            : readOnly && (shown.kind === "saved" || shown.kind === "pending")
              ? "Connected. You are seeing the latest version."
              : ANNOUNCE[shown.kind]}
        </p>
      ) : null}
    </div>
  );
}
