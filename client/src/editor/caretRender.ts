// How other people's cursors and selections are drawn. The caret is a coloured bar in the
// text; its name tag sits in the editor's right margin on the caret's line (see styles.css),
// so it never covers the words above or beside the caret. The tag's text is white or dark,
// whichever reads on the colour; selections use a light tint so the text stays readable.
import { initials, textColorOn } from "./userColor";

type CaretUser = { name?: unknown; color?: unknown };

const colorOf = (user: CaretUser) => (typeof user.color === "string" ? user.color : "#475467");
const nameOf = (user: CaretUser) => (typeof user.name === "string" ? user.name : "Someone");

function part(className: string, text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

/** The remote caret: a coloured bar, with a tag holding the name (initials on a phone). */
export function renderCaret(user: CaretUser): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = colorOf(user);
  caret.dataset.user = nameOf(user);
  // The name would otherwise be read out in the middle of the text; "Here now" lists people.
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = colorOf(user);
  label.style.color = textColorOn(colorOf(user));
  label.append(
    part("collaboration-carets__name", nameOf(user)),
    part("collaboration-carets__initials", initials(nameOf(user))),
  );
  caret.append(label);
  return caret;
}

/** The remote selection: a translucent tint (hex colour plus alpha). */
export function renderSelection(user: CaretUser) {
  return {
    nodeName: "span",
    class: "collaboration-carets__selection",
    style: `background-color: ${colorOf(user)}33`,
    "data-user": nameOf(user),
  };
}
