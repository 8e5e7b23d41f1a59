// A slide-over sheet for a narrow screen: a panel that would be a column on a wide one. It is
// a modal <dialog>, so the page behind it is inert; Tab and Shift+Tab go round the sheet's own
// controls (the browser alone would let focus out to its address bar); Escape and the Close
// button shut it, and focus goes back to the button that opened it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Keeps Tab inside `container`: from the last control to the first, and back with Shift. */
function keepTabInside(event: KeyboardEvent<HTMLElement>, container: HTMLElement): void {
  if (event.key !== "Tab") return;
  // tabIndex -1 leaves out what Tab skips anyway (the inactive tabs of a tab list).
  const controls = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.checkVisibility());
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

type Props = {
  /** The sheet's heading, also its accessible name. */
  title: string;
  side: "start" | "end";
  open: boolean;
  onClose: () => void;
  children: ReactNode;
};

export function Sheet({ title, side, open, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closed by Escape or by the Close button; either way the parent hears of it and the opener gets focus back.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onDialogClose = () => {
      onClose();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
    dialog.addEventListener("close", onDialogClose);
    return () => dialog.removeEventListener("close", onDialogClose);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      className={`sheet sheet--${side}`}
      aria-labelledby={headingId}
      // A click on the backdrop (the dialog itself, outside its content) closes it, as people expect of a sheet.
      onClick={(event) => {
        if (event.target === event.currentTarget) ref.current?.close();
      }}
      onKeyDown={(event) => keepTabInside(event, event.currentTarget)}
    >
      <div className="sheet__content">
        <div className="sheet__head">
          <h2 id={headingId} className="sheet__title">
            {title}
          </h2>
          <button type="button" className="button sheet__close" onClick={() => ref.current?.close()}>
            Close<span className="visually-hidden"> {title}</span>
          </button>
        </div>
        {open ? children : null}
      </div>
    </dialog>
  );
}
