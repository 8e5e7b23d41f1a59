import type { Role } from "../api/types";
import { SelectField } from "../components/Field";
import { ROLE_TEXT } from "../components/roles";

type Props<R extends Role> = { value: R; onChange: (role: R) => void; roles: readonly R[] };

/** A labelled picker of `roles` that explains the chosen role underneath. */
export function RoleSelect<R extends Role>({ value, onChange, roles }: Props<R>) {
  return (
    <SelectField
      label="Role"
      value={value}
      onChange={(e) => onChange(e.target.value as R)}
      hint={ROLE_TEXT[value].description}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {ROLE_TEXT[role].name}
        </option>
      ))}
    </SelectField>
  );
}
