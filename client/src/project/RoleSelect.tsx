import { ROLES, type Role } from "../api/types";
import { SelectField } from "../components/Field";
import { ROLE_TEXT } from "../components/roles";

/** A labelled role picker that explains the chosen role underneath. */
export function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  return (
    <SelectField
      label="Role"
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      hint={ROLE_TEXT[value].description}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_TEXT[role].name}
        </option>
      ))}
    </SelectField>
  );
}
