// The page's h1. It also names the browser tab and, after an in-app page change, takes
// focus so screen-reader and keyboard users start at the top of the new page.
import { useEffect, useRef, type ReactNode } from "react";

let navigated = false;
/** Called when another page is shown (before its effects run); the first page load keeps focus where the browser put it. */
export function notePageChange(): void {
  navigated = true;
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Concord`;
    if (navigated) ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
