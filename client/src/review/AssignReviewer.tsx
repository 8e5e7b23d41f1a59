// The lead assigns a second reviewer to a stage: a random sample by percentage or number,
// drawn with a seed that is shown (and can be given, to draw the same sample again), or
// every record. The lead screens every record themselves.
import { useState, type FormEvent } from "react";
import { api } from "../api/endpoints";
import { queryKeys } from "../api/queries";
import type { Member, ReviewAssignment, ReviewStage } from "../api/types";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { SelectField, TextField } from "../components/Field";
import { useAction } from "../components/useAction";

export function AssignReviewer({ projectId, stage, members, assignments }: { projectId: string; stage: ReviewStage; members: Member[]; assignments: ReviewAssignment[] }) {
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const assigned = new Set(assignments.map((a) => a.user.id));
  const candidates = members.filter((m) => m.role !== "viewer" && !assigned.has(m.userId));
  const [userId, setUserId] = useState("");
  const [size, setSize] = useState<"percent" | "count" | "all">("percent");
  const [amount, setAmount] = useState("10");
  const [seed, setSeed] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const who = userId || candidates[0]?.userId;
      if (!who) throw new Error("Choose a reviewer.");
      const input = { userId: who, ...(size === "all" ? {} : { [size]: Number(amount) }), ...(size !== "all" && seed.trim() ? { seed: Number(seed) } : {}) };
      const { assignments: now } = await api.assignReviewer(projectId, stage, input);
      invalidate(queryKeys.reviewStage(projectId, stage));
      const made = now.find((a) => a.user.id === who)!;
      return made.mode === "all" ? `${made.user.name} screens every record.` : `${made.user.name} screens ${made.recordIds!.length} of ${made.poolSize} records (seed ${made.seed}).`;
    });
  }

  return (
    <section className="card stack" aria-labelledby="assign-heading">
      <h2 id="assign-heading">Second reviewer</h2>
      {assignments.length > 0 ? (
        <ul className="assignments">
          {assignments.map((a) => (
            <li key={a.user.id}>
              {a.user.name}: {a.mode === "all" ? "every record" : `${a.recordIds!.length} of ${a.poolSize} (${a.mode === "percent" ? `${a.percent}%` : `N = ${a.count}`}, seed ${a.seed})`}
            </li>
          ))}
        </ul>
      ) : null}
      {candidates.length === 0 ? (
        <p>Everyone who can rate is assigned at this stage.</p>
      ) : (
        <form className="stack" onSubmit={submit}>
          <SelectField label="Reviewer" value={userId || candidates[0]!.userId} onChange={(e) => setUserId(e.target.value)}>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Sample" value={size} onChange={(e) => setSize(e.target.value as typeof size)}>
            <option value="percent">A percentage of the records</option>
            <option value="count">A number of records</option>
            <option value="all">Every record</option>
          </SelectField>
          {size !== "all" ? (
            <div className="assign__row">
              <TextField label={size === "percent" ? "Percent" : "Records"} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required />
              <TextField label="Seed" hint="Leave empty for a new one; the seed is recorded." inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
            </div>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            Assign
          </button>
        </form>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </section>
  );
}
