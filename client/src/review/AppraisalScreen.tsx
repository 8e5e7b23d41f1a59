// The appraisal stage for a rater: the papers they are assigned, one at a time, each appraised
// with the checklist the API names (its `key@version`), not one built into the page.
import type { Checklist } from "@concord/shared/appraisal/checklist";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/endpoints";
import type { BibRecord, ReviewItem } from "../api/types";
import { SelectField } from "../components/Field";
import { AppraisalForm } from "./AppraisalForm";
import { recordMeta } from "./recordMeta";
import { StageHeading } from "./StageHeading";

export function AppraisalScreen(props: { projectId: string; userId: string; items: ReviewItem[]; records: Map<string, BibRecord>; checklist: { ref: string; definition: Checklist } }) {
  const { projectId, userId, items, records, checklist } = props;
  const [recordId, setRecordId] = useState(items[0]?.recordId);
  const item = items.find((i) => i.recordId === recordId) ?? items[0];
  const record = item ? records.get(item.recordId) : undefined;
  const submitted = items.filter((i) => i.work.some((w) => w.rater.id === userId && w.submitted)).length;
  // A paper the rater began against an earlier version stays on that version's questions.
  const ownRef = item?.work.find((w) => w.rater.id === userId)?.checklist ?? checklist.ref;
  const earlier = useQuery({
    queryKey: ["projects", projectId, "checklists", ownRef],
    queryFn: () => api.getChecklist(projectId, ownRef.slice(0, ownRef.lastIndexOf("@")), Number(ownRef.slice(ownRef.lastIndexOf("@") + 1))),
    enabled: ownRef !== checklist.ref,
    staleTime: Infinity,
  });
  const definition = ownRef === checklist.ref ? checklist.definition : earlier.data?.checklist;
  const named = definition ?? checklist.definition;
  const title = (id: string) => records.get(id)?.title ?? "(untitled)";
  const state = (i: ReviewItem) => (i.revealed ? "revealed" : i.work.some((w) => w.rater.id === userId && w.submitted) ? "submitted" : "to appraise");

  return (
    <section className="card appraisal" aria-labelledby="appraisal-heading">
      <StageHeading id="appraisal-heading" title="Your appraisal" done={submitted} of={items.length} what="submitted" />
      <p className="appraisal__checklist">
        {named.name} (version {named.version})
        {named.source ? <span className="appraisal__source"> — {named.source}</span> : null}
      </p>
      {!item ? (
        <p>No papers are assigned to you at this stage.</p>
      ) : (
        <>
          <SelectField label="Paper" value={item.recordId} onChange={(e) => setRecordId(e.target.value)}>
            {items.map((i) => (
              <option key={i.recordId} value={i.recordId}>
                {title(i.recordId)} ({state(i)})
              </option>
            ))}
          </SelectField>
          <article className="appraisal__paper" aria-labelledby="appraisal-title">
            <h3 id="appraisal-title">{record?.title ?? "(untitled)"}</h3>
            {record ? <p className="screening__meta">{recordMeta(record)}</p> : null}
            {definition ? <AppraisalForm key={item.recordId} projectId={projectId} item={item} userId={userId} checklist={definition} /> : <p>Loading the checklist…</p>}
          </article>
        </>
      )}
    </section>
  );
}
