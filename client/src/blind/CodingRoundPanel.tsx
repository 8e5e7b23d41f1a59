// The transcript's coding round: the lead starts independent (blind) coding by named coders
// and reveals it; each coder sees only their own progress and marks it done; after reveal —
// or live while blind, for a lead who is not coding when the project allows — the agreement
// and the disagreements to settle. What the server withholds it withholds: the agreement
// is shown only when it answers.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { can } from "@concord/shared/project/roles";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { BlindRound, DocumentDetail, Member } from "../api/types";
import { Alert, Loading } from "../components/Alert";
import { formatDateTime } from "../components/dates";
import { useAction } from "../components/useAction";
import { useDocumentChanges } from "../live/useDocumentChanges";
import { useUser } from "../session/SessionContext";
import { AgreementView } from "./AgreementView";
import { useRefreshCoding } from "./refreshCoding";
import { WatchSetting } from "./WatchSetting";

function StartRound({ document, members }: { document: DocumentDetail; members: Member[] }) {
  const [coders, setCoders] = useState<string[]>([]);
  const { busy, message, run } = useAction();
  const refreshCoding = useRefreshCoding();
  const id = useId();
  const eligible = members.filter((member) => can(member.role, "document.edit"));
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await api.startBlindRound(document.id, coders);
          refreshCoding(document.id, { details: true });
        });
      }}
    >
      <fieldset className="choice" aria-describedby={`${id}-hint`}>
        <legend>Code this transcript independently (blind), by</legend>
        {eligible.map((member) => (
          <label key={member.userId} className="checkbox">
            <input
              type="checkbox"
              checked={coders.includes(member.userId)}
              onChange={(event) => setCoders((now) => (event.target.checked ? [...now, member.userId] : now.filter((c) => c !== member.userId)))}
            />
            {member.name}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} className="field__hint">
        Until you reveal it (or every coder marks their coding done), no coder sees another's codings, the codes they make, or any agreement figure.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || coders.length < 2}>
          Start blind coding
        </button>
      </div>
    </form>
  );
}

function RoundState({ round, document, selfId, isLead }: { round: BlindRound; document: DocumentDetail; selfId: string; isLead: boolean }) {
  const { busy, message, run } = useAction();
  const refreshCoding = useRefreshCoding();
  const me = round.coders.find((coder) => coder.id === selfId);
  const blind = round.status === "blind";
  const refresh = () => refreshCoding(document.id);
  return (
    <div className="stack">
      {blind ? (
        me ? (
          <p className="note note--warn" data-testid="coding-blind-note">
            <strong>Coding blind:</strong> others' codings are hidden until reveal. {me.done ? "You have marked your coding done." : null}
          </p>
        ) : (
          <p className="note">
            This transcript is being coded blind by {round.coders.map((coder) => coder.name).join(", ")}.
          </p>
        )
      ) : (
        <p className="note" data-testid="round-revealed">
          Revealed {round.revealedAt ? formatDateTime(round.revealedAt) : ""}
          {round.revealedAutomatically ? ", when every coder had marked their coding done." : "."}
        </p>
      )}
      {/* A blind coder sees only their own round state; the others' progress is the lead's to watch. */}
      {!me || !blind || isLead ? (
        <ul className="blind-round__coders" aria-label="Coders">
          {round.coders.map((coder) => (
            <li key={coder.id} data-testid="round-coder">
              {coder.name}: {coder.done ? `done${coder.doneAt ? `, ${formatDateTime(coder.doneAt)}` : ""}` : "still coding"}
            </li>
          ))}
        </ul>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {blind ? (
        <div className="button-row">
          {me && !me.done ? (
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.markBlindDone(document.id).then(refresh))}>
              Mark my coding done
            </button>
          ) : null}
          {isLead ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(() => api.revealBlindRound(document.id).then(refresh))}>
              Reveal
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function CodingRoundPanel({ document }: { document: DocumentDetail }) {
  const user = useUser();
  const project = useQuery(queries.project(document.projectId));
  const round = useQuery(queries.blindRound(document.id));
  const refreshCoding = useRefreshCoding();
  const isLead = can(document.role, "coding.blind");
  // Codings and settlements change the coders' layers, and the round's own document changes
  // when it starts, a coder is done, or it is revealed: the agreement, codings and round follow.
  const watched = document.collab.filter((entry) => entry.kind === "layer" || entry.kind === "round").map((entry) => entry.name);
  useDocumentChanges(watched, () => refreshCoding(document.id));
  // Starting or revealing changes which layers this person may open.
  const status = round.data?.status ?? "none";
  useEffect(() => {
    refreshCoding(document.id, { details: true });
  }, [status]);

  if (round.status === "pending" || project.status === "pending") return <Loading what="the coding round" />;
  if (round.status === "error") return <Alert>{errorMessage(round.error)}</Alert>;
  const current = round.data;
  const isCoder = current?.coders.some((coder) => coder.id === user.id) ?? false;
  // The server answers with agreement only to those who may see every coder's work.
  const agreementShown = !current || current.status === "revealed" || (isLead && !isCoder && current.leadMayWatch);

  return (
    <div className="blind-round">
      <h2 className="blind-round__heading">Coding round</h2>
      {current ? (
        <RoundState round={current} document={document} selfId={user.id} isLead={isLead} />
      ) : isLead ? (
        <StartRound document={document} members={project.data?.members ?? []} />
      ) : (
        <p className="field__hint">This transcript has not been coded blind. A lead can start an independent coding round.</p>
      )}
      {isLead ? <WatchSetting projectId={document.projectId} mayChange /> : null}
      {agreementShown ? (
        <AgreementView
          document={document}
          mayDiscuss={can(document.role, "discussion.write")}
          maySettle={current?.status !== "blind" && can(document.role, "document.edit")}
        />
      ) : null}
    </div>
  );
}
