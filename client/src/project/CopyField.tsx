import { useId, useRef, useState } from "react";

/** A read-only text box with a copy button, for links (or tokens) people need to send on. */
export function CopyField({ label, value, what = "link" }: { label: string; value: string; what?: "link" | "token" }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (older browsers, insecure origins): select it instead.
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy {what}
        </button>
      </div>
      <p className="field__hint" role="status">
        {copied === "yes" ? (what === "link" ? "Copied. You can paste it into an email or message." : "Copied.") : null}
        {copied === "failed" ? `Could not copy automatically. The ${what} is selected: copy it with your keyboard or menu.` : null}
      </p>
    </div>
  );
}
