// The state every form and button that calls the server keeps: whether it is busy, and what
// to tell the person afterwards. `run` clears the last message, marks the action busy, and
// turns a failure into an error message in the server's own words.
import { useState } from "react";
import { errorMessage } from "../api/http";

export type ActionMessage = { tone: "error" | "success"; text: string };

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  /** Runs `action`; a string it resolves with is shown as a success. */
  async function run(action: () => Promise<string | void>): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      const said = await action();
      if (said) setMessage({ tone: "success", text: said });
    } catch (caught) {
      setMessage({ tone: "error", text: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, run };
}
