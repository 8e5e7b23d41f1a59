import type { Member } from "../api/types";
import { roleName } from "../components/roles";
import { MemberActions } from "./MemberActions";

type Props = {
  members: Member[];
  currentUserId: string;
  /** Given to a lead: role and removal controls for everyone else. */
  manage?: { projectId: string };
};

/** Everyone in the project and their role. */
export function MemberList({ members, currentUserId, manage }: Props) {
  return (
    <ul className="member-list">
      {members.map((member) => {
        const isSelf = member.userId === currentUserId;
        return (
          <li key={member.userId} className="member-list__item">
            <span className="member-list__name">
              {member.name}
              {isSelf ? " (you)" : ""}
            </span>
            {member.email ? <span className="member-list__email">{member.email}</span> : null}
            {manage && !isSelf ? (
              <MemberActions projectId={manage.projectId} member={member} />
            ) : (
              <span className="badge">{roleName(member.role)}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
