import type { PresentPerson } from "./usePresence";
import { initials, textColorOn } from "./userColor";

/**
 * The people who have the document open, each with the colour of their cursor and their
 * initials on it (the initials match the cursor's tag on a phone, and do not rely on colour).
 * While this device is not connected the others are unknown, so only "you" is listed then.
 */
export function PresenceList({ people, connected }: { people: PresentPerson[]; connected: boolean }) {
  const shown = connected ? people : people.filter((person) => person.isSelf);
  const others = shown.length - shown.filter((person) => person.isSelf).length;
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        Here now{" "}
        {connected ? (
          <span className="presence__count">({others === 0 ? "only you" : `you and ${others} more`})</span>
        ) : null}
      </h2>
      {connected ? null : <p className="presence__note">Others who are here will show once you are connected.</p>}
      <ul className="presence__list">
        {shown.map((person) => (
          <li key={person.clientId} className="presence__person" data-testid="presence-person">
            <span
              className="presence__badge"
              style={{ backgroundColor: person.color, color: textColorOn(person.color) }}
              aria-hidden="true"
            >
              {initials(person.name)}
            </span>
            {person.name}
            {person.isSelf ? " (you)" : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
