// How other people's cursors and selections are drawn. The name label uses white text on the
// person's colour (the palette guarantees contrast); selections use a light tint of the
// colour so the text under them stays readable.

type CaretUser = { name?: unknown; color?: unknown };

const colorOf = (user: CaretUser) => (typeof user.color === "string" ? user.color : "#475467");
const nameOf = (user: CaretUser) => (typeof user.name === "string" ? user.name : "Someone");

/** The remote caret: a coloured bar with the person's name above it. */
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
  label.textContent = nameOf(user);
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
