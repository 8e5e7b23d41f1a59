// The keyboard-first screening screen: one record at a time, decided with a single key
// (I include, E exclude, M maybe), moved through with J/K or the arrow keys, searched with /.
// The criteria's keywords are marked in the title and abstract. Every key has a button with
// its hint beside it, so a phone (or a mouse) does the same. A decision is submitted at once:
// it is the rater's independent answer, which nobody else sees until the item reveals. At full
// text the lead can mark a record whose full text could not be obtained as not retrieved.
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import type { BibRecord, Criteria, Decision, ReviewItem, ReviewStage } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { highlightParts } from "./highlight";
import { recordMeta } from "./recordMeta";
import { StageHeading } from "./StageHeading";
import { MarkNotRetrieved } from "./NotRetrieved";

const DECISION_LABEL: Record<Decision, string> = { include: "Include", exclude: "Exclude", maybe: "Maybe" };
const DONE: Record<Decision, string> = { include: "Included", exclude: "Excluded", maybe: "Marked maybe" };

function Marked({ text, keywords }: { text: string; keywords: string[] }) {
  return (
    <>
      {highlightParts(text, keywords).map((part, i) => (part.keyword ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/** Whether a key press belongs to a form field rather than to the screen's shortcuts. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function ScreeningScreen(props: { projectId: string; stage: ReviewStage; userId: string; items: ReviewItem[]; records: Map<string, BibRecord>; criteria: Criteria; canManage: boolean }) {
  const { projectId, stage, userId, items, records, criteria, canManage } = props;
  const invalidate = useInvalidate();
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const [choosingReason, setChoosingReason] = useState(false);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const keywords = useMemo(() => [...criteria.inclusion, ...criteria.exclusion].flatMap((c) => c.keywords), [criteria]);
  const needsReason = stage === "full_text" && criteria.exclusion.length > 0;

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return items;
    return items.filter((item) => {
      const record = records.get(item.recordId);
      return `${record?.title ?? ""} ${record?.abstract ?? ""} ${record?.authors.join(" ") ?? ""}`.toLowerCase().includes(q);
    });
  }, [items, records, query]);
  const at = Math.min(index, Math.max(shown.length - 1, 0));
  const item = shown[at];
  const record = item ? records.get(item.recordId) : undefined;
  const mine = item?.work.find((w) => w.rater.id === userId);

  const move = (step: number) => {
    setChoosingReason(false);
    setIndex(Math.max(0, Math.min(shown.length - 1, at + step)));
  };

  async function decide(decision: Decision, reason?: string) {
    if (!item || busy) return;
    if (decision === "exclude" && needsReason && reason === undefined) {
      setChoosingReason(true);
      setStatus("Choose the reason for excluding: press its number.");
      return;
    }
    setBusy(true);
    setChoosingReason(false);
    try {
      await api.rate(projectId, stage, item.recordId, { decision, reason, submit: true });
      setStatus(`${DONE[decision]}: ${record?.title ?? "record"}.`);
      invalidate(queryKeys.reviewStage(projectId, stage));
      if (at < shown.length - 1) setIndex(at + 1);
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => {});
  keyHandler.current = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key.toLowerCase();
    if (choosingReason) {
      const n = Number(key);
      if (Number.isInteger(n) && n >= 1 && n <= criteria.exclusion.length) void decide("exclude", criteria.exclusion[n - 1]!.id);
      else if (key === "escape") {
        setChoosingReason(false);
        setStatus("Not excluded.");
      } else return;
      event.preventDefault();
      return;
    }
    const actions: Record<string, () => void> = {
      i: () => void decide("include"),
      e: () => void decide("exclude"),
      m: () => void decide("maybe"),
      j: () => move(1),
      arrowdown: () => move(1),
      arrowright: () => move(1),
      k: () => move(-1),
      arrowup: () => move(-1),
      arrowleft: () => move(-1),
      "/": () => search.current?.focus(),
    };
    const action = actions[key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  useEffect(() => {
    const listen = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener("keydown", listen);
    return () => window.removeEventListener("keydown", listen);
  }, []);

  const decided = items.filter((i) => i.work.some((w) => w.rater.id === userId && w.submitted)).length;
  return (
    <section className="card screening" aria-labelledby="screening-heading">
      <StageHeading id="screening-heading" title="Your screening" done={decided} of={items.length} what="decided" />
      <div className="field screening__search">
        <label htmlFor="screening-search">
          Search your records <kbd>/</kbd>
        </label>
        <input id="screening-search" ref={search} type="search" value={query} onChange={(e) => (setQuery(e.target.value), setIndex(0))} onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()} />
      </div>
      {!item || !record ? (
        <p>{items.length === 0 ? "No records are assigned to you at this stage." : "No record matches the search."}</p>
      ) : (
        <article className="screening__record" aria-labelledby="screening-title">
          <p className="screening__position">
            Record {at + 1} of {shown.length}
          </p>
          <h3 id="screening-title">
            <Marked text={record.title ?? "(untitled)"} keywords={keywords} />
          </h3>
          <p className="screening__meta">
            {recordMeta(record)}
          </p>
          {record.abstract ? (
            <p className="screening__abstract">
              <Marked text={record.abstract} keywords={keywords} />
            </p>
          ) : (
            <p className="screening__abstract">No abstract.</p>
          )}
          <p className="screening__mine">
            {mine?.submitted ? `Your decision: ${DECISION_LABEL[mine.answers.decision as Decision] ?? mine.answers.decision}${mine.answers.reason ? ` (${criteria.exclusion.find((c) => c.id === mine.answers.reason)?.text ?? mine.answers.reason})` : ""}.` : "Not decided yet."}
            {item.revealed ? " Every rater has decided: revealed." : ""}
          </p>
        </article>
      )}
      {choosingReason ? (
        <div className="screening__reasons" role="group" aria-label="Reason for excluding">
          {criteria.exclusion.map((c, i) => (
            <button key={c.id} type="button" className="button" onClick={() => void decide("exclude", c.id)} disabled={busy}>
              <kbd>{i + 1}</kbd> {c.text}
            </button>
          ))}
          <button type="button" className="button" onClick={() => setChoosingReason(false)}>
            <kbd>Esc</kbd> Cancel
          </button>
        </div>
      ) : null}
      <div className="screening__keys" role="group" aria-label="Decide and move">
        {(["include", "exclude", "maybe"] as const).map((decision) => (
          <button key={decision} type="button" className={`button screening__decide screening__decide--${decision}`} onClick={() => void decide(decision)} disabled={!item || busy}>
            <kbd>{decision[0]!.toUpperCase()}</kbd> {DECISION_LABEL[decision]}
          </button>
        ))}
        <button type="button" className="button" onClick={() => move(-1)} disabled={at === 0}>
          <kbd>K</kbd> Previous
        </button>
        <button type="button" className="button" onClick={() => move(1)} disabled={at >= shown.length - 1}>
          <kbd>J</kbd> Next
        </button>
      </div>
      <p className="screening__status" role="status">
        {status}
      </p>
      {canManage && stage === "full_text" && record && !mine?.submitted ? <MarkNotRetrieved projectId={projectId} record={record} /> : null}
    </section>
  );
}
