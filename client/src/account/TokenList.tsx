import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import type { ApiToken, NewApiToken } from "../api/types";
import { errorMessage } from "../api/http";
import { queries, queryKeys } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { SelectField, TextField } from "../components/Field";
import { formatDate } from "../components/dates";
import { useAction } from "../components/useAction";
import { CopyField } from "../project/CopyField";

const LIFETIMES = [30, 90, 180, 365] as const;

/** Personal API tokens for scripts: the list, revoking one, and making a new one (shown once). */
export function TokenList() {
  const tokens = useQuery(queries.tokens());
  const queryClient = useQueryClient();
  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const { busy, message, run } = useAction();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      setCreated(await api.createToken({ name: String(data.get("name") ?? "").trim(), expiresInDays: Number(data.get("lifetime")) }));
      form.reset();
      reload();
    });
  }

  function revoke(token: ApiToken) {
    void run(async () => {
      await api.revokeToken(token.id);
      if (created?.id === token.id) setCreated(null);
      reload();
      return `"${token.name}" no longer works. Anything using it has been disconnected.`;
    });
  }

  return (
    <section className="stack" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>Tokens let your own scripts use Concord as you. Anyone who has one can act as you until it expires, so revoke any you no longer use.</p>
      {tokens.status === "pending" ? <Loading what="your tokens" /> : null}
      {tokens.status === "error" ? <Alert>{errorMessage(tokens.error)}</Alert> : null}
      {tokens.status === "success" && tokens.data.length === 0 ? <p>You have no tokens.</p> : null}
      {tokens.status === "success" && tokens.data.length > 0 ? (
        <ul className="member-list">
          {tokens.data.map((token) => (
            <li key={token.id} className="member-list__item">
              <span className="member-list__name">{token.name}</span>
              <span className="member-list__email">
                Made {formatDate(token.createdAt)} · {token.lastUsedAt ? `last used ${formatDate(token.lastUsedAt)}` : "never used"} · expires{" "}
                {formatDate(token.expiresAt)}
              </span>
              <button type="button" className="button token-revoke" onClick={() => revoke(token)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {created ? (
        <div className="note stack">
          <CopyField label={`Your new token "${created.name}"`} value={created.token} what="token" />
          <p>Copy it now: Concord will not show it again.</p>
        </div>
      ) : null}
      <form className="stack card" onSubmit={create} aria-labelledby="new-token-heading">
        <h3 id="new-token-heading">Make a new token</h3>
        <TextField label="What it is for" name="name" maxLength={120} hint="For example: coding export script." required />
        <SelectField label="Stops working after" name="lifetime" defaultValue="90">
          {LIFETIMES.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Making…" : "Make token"}
        </button>
      </form>
    </section>
  );
}
