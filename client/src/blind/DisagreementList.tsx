// Every disagreement still to settle: the codings on each side (with a link that highlights
// them in the text), a thread to discuss it, and the team's decision — keep one, keep both,
// merge into one coding, or drop.
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import type { CodingDisagreement, DocumentAgreement, DocumentDetail, Settlement } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { MessageComposer } from "../discussion/MessageComposer";
import { SpanLink } from "../discussion/ThreadAnchorView";
import { useRefreshCoding } from "./refreshCoding";

type Props = {
  document: DocumentDetail;
  agreement: DocumentAgreement;
  codeName: (id: string) => string;
  mayDiscuss: boolean;
  maySettle: boolean;
};

type Choice = { action: Settlement["action"]; keep?: string };

function choicesFor(disagreement: CodingDisagreement, coderName: (id: string) => string): { choice: Choice; label: string }[] {
  const [only] = disagreement.codings;
  if (disagreement.codings.length === 1 && only) {
    return [
      { choice: { action: "keep_one", keep: only.id }, label: `Keep ${coderName(only.coder)}'s coding` },
      { choice: { action: "drop" }, label: "Drop it" },
    ];
  }
  return [
    ...disagreement.codings.map((coding) => ({ choice: { action: "keep_one" as const, keep: coding.id }, label: `Keep ${coderName(coding.coder)}'s only` })),
    { choice: { action: "keep_both" }, label: "Keep both" },
    ...disagreement.codings.map((coding) => ({ choice: { action: "merge" as const, keep: coding.id }, label: `Merge into one, kept as ${coderName(coding.coder)}'s` })),
    { choice: { action: "drop" }, label: "Drop both" },
  ];
}

type ItemProps = Omit<Props, "agreement"> & {
  disagreement: CodingDisagreement;
  coderName: (id: string) => string;
  /** The unit and threshold it was found at: the server settles only a disagreement it lists there. */
  listedAt: Pick<DocumentAgreement, "unit" | "threshold">;
};

function DisagreementItem({ document, disagreement, codeName, coderName, mayDiscuss, maySettle, listedAt }: ItemProps) {
  const [choice, setChoice] = useState<number | null>(null);
  const [discussing, setDiscussing] = useState(false);
  const settling = useAction();
  const invalidate = useInvalidate();
  const refreshCoding = useRefreshCoding();
  const navigate = useNavigate();
  const project = useQuery(queries.project(document.projectId));
  const people = (project.data?.members ?? []).map((member) => ({ id: member.userId, name: member.name }));
  const name = useId();
  const choices = choicesFor(disagreement, coderName);
  const codingIds = disagreement.codings.map((coding) => coding.id);

  function settle() {
    const picked = choice === null ? null : choices[choice];
    if (!picked) return;
    void settling.run(async () => {
      await api.settleDisagreement(document.id, { codingIds, ...picked.choice, unit: listedAt.unit, threshold: listedAt.threshold });
      refreshCoding(document.id);
    });
  }

  return (
    <li className="disagreement" data-testid="disagreement">
      <p className="disagreement__code">
        <strong>{codeName(disagreement.code)}</strong>
        {disagreement.codings.length > 1 ? `, overlapping ${Math.round(disagreement.overlap * 100)}%` : ", coded by one coder only"}
      </p>
      <ul className="disagreement__codings">
        {disagreement.codings.map((coding) => (
          <li key={coding.id}>
            <span className="thread-anchor__who">{coderName(coding.coder)}</span>: <q>{coding.text}</q>{" "}
            <SpanLink projectId={document.projectId} documentId={document.id} start={coding.start} end={coding.end}>
              Show in the text
            </SpanLink>
          </li>
        ))}
      </ul>
      {mayDiscuss ? (
        discussing ? (
          <MessageComposer
            label="Discuss this disagreement"
            submitLabel="Start thread"
            people={people}
            autoFocus
            onCancel={() => setDiscussing(false)}
            onSend={async (message) => {
              const thread = await api.startThread(document.projectId, { anchor: { disagreement: { documentId: document.id, codingIds } }, ...message });
              setDiscussing(false);
              invalidate(queryKeys.threads(document.projectId, document.id));
              // The discussion panel opens on the new thread.
              await navigate({ to: ".", search: { thread: thread.id }, resetScroll: false });
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => setDiscussing(true)}>
            Discuss
          </button>
        )
      ) : null}
      {maySettle ? (
        <fieldset className="disagreement__settle">
          <legend>Settle it</legend>
          {choices.map((option, index) => (
            <label key={index} className="checkbox">
              <input type="radio" name={name} checked={choice === index} onChange={() => setChoice(index)} />
              {option.label}
            </label>
          ))}
          <button type="button" className="button button--primary" disabled={choice === null || settling.busy} onClick={settle}>
            Settle
          </button>
          {settling.message ? <Alert tone={settling.message.tone}>{settling.message.text}</Alert> : null}
        </fieldset>
      ) : null}
    </li>
  );
}

export function DisagreementList({ document, agreement, codeName, mayDiscuss, maySettle }: Props) {
  const names = new Map(agreement.people.map((person) => [person.id, person.name]));
  const coderName = (id: string) => names.get(id) ?? "A former member";
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="agreement__subheading">
        Disagreements to settle ({agreement.disagreements.length})
      </h4>
      {agreement.disagreements.length === 0 ? <p className="field__hint">None: the coders agree on every segment, or every disagreement is settled.</p> : null}
      <ol className="disagreements">
        {agreement.disagreements.map((disagreement) => (
          <DisagreementItem
            key={disagreement.key}
            document={document}
            disagreement={disagreement}
            codeName={codeName}
            coderName={coderName}
            mayDiscuss={mayDiscuss}
            maySettle={maySettle}
            listedAt={agreement}
          />
        ))}
      </ol>
    </section>
  );
}
