import type { Member } from "../api/types";
import { roleName } from "../components/roles";

/** Everyone in the project and their role. */
export function MemberList({ members, currentUserId }: { members: Member[]; currentUserId: string }) {
  return (
    <ul className="member-list">
      {members.map((member) => (
        <li key={member.userId} className="member-list__item">
          <span className="member-list__name">
            {member.name}
            {member.userId === currentUserId ? " (you)" : ""}
          </span>
          <span className="member-list__email">{member.email}</span>
          <span className="badge">{roleName(member.role)}</span>
        </li>
      ))}
    </ul>
  );
}
