import { useId, useRef, useState } from "react";

/** A read-only text box with a copy button, for links people need to send on. */
export function CopyField({ label, value }: { label: string; value: string }) {
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
          Copy link
        </button>
      </div>
      <p className="field__hint" role="status">
        {copied === "yes" ? "Copied. You can paste it into an email or message." : null}
        {copied === "failed" ? "Could not copy automatically. The link is selected: copy it with your keyboard or menu." : null}
      </p>
    </div>
  );
}
