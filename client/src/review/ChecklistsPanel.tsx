// The project's appraisal checklists in the Review section: the built-in CASP and the team's
// own, with their versions and which one new appraisals are given against. The lead creates
// one (from a copy of CASP or a blank Yes / Unclear / No template), edits it into a new
// version, and chooses the one in use; appraisals already given keep the version they were
// given against.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { ChecklistEditor } from "./ChecklistEditor";
import { BLANK_DRAFT, definitionOf, draftOf, type Draft } from "./checklistDraft";

type Editing = { draft: Draft; isNew: boolean } | null;

export function ChecklistsPanel({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const listed = useQuery(queries.checklists(projectId));
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  const [editing, setEditing] = useState<Editing>(null);

  const refresh = () => invalidate(queryKeys.checklists(projectId));
  const latestOf = (key: string, version: number) => api.getChecklist(projectId, key, version).then((r) => r.checklist);

  const startFrom = (template: "casp" | "blank") =>
    run(async () => {
      if (template === "blank") return setEditing({ draft: BLANK_DRAFT, isNew: true });
      const casp = await latestOf("casp-qualitative", 1);
      setEditing({ draft: draftOf(casp, { key: "", name: `${casp.name} (our copy)` }), isNew: true });
    });

  const save = (draft: Draft) =>
    run(async () => {
      const definition = definitionOf(draft);
      const { checklist } = editing?.isNew ? await api.createChecklist(projectId, definition) : await api.publishChecklist(projectId, draft.key, definition);
      setEditing(null);
      refresh();
      return `Saved ${checklist.name}, version ${checklist.version}.`;
    });

  return (
    <section className="card stack" aria-labelledby="checklists-heading">
      <h2 id="checklists-heading">Appraisal checklists</h2>
      <p className="note">New appraisals are given against the checklist in use, in its latest version; an appraisal already started keeps the version it began with, and its score.</p>
      {listed.data ? (
        <ul className="checklist-list">
          {listed.data.checklists.map((c) => {
            const latest = c.versions[c.versions.length - 1]!;
            return (
              <li key={c.key}>
                <strong>{c.name}</strong>
                {c.builtIn ? <span className="checklist-list__tag"> built in</span> : null}
                {c.current ? <span className="checklist-list__tag checklist-list__tag--current"> in use</span> : null}
                <div className="checklist-list__versions">
                  Versions:{" "}
                  {c.versions.map((v) => `${v.version}${v.createdAt ? ` (${new Date(v.createdAt).toLocaleDateString()}${v.createdBy ? `, ${v.createdBy.name}` : ""})` : ""}`).join("; ")}
                </div>
                {canEdit ? (
                  <div className="checklist-list__actions">
                    {!c.current ? (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`Use for new appraisals: ${c.name}`}
                        onClick={() =>
                          void run(async () => {
                            await api.chooseChecklist(projectId, c.key);
                            refresh();
                            return `New appraisals now use ${c.name}.`;
                          })
                        }
                      >
                        Use for new appraisals
                      </button>
                    ) : null}
                    {!c.builtIn ? (
                      <button
                        type="button"
                        className="button"
                        disabled={busy || editing !== null}
                        aria-label={`Edit ${c.name}`}
                        onClick={() => void run(async () => setEditing({ draft: draftOf(await latestOf(c.key, latest.version)), isNew: false }))}
                      >
                        Edit
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {canEdit && editing === null ? (
        <div className="checklist-list__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void startFrom("casp")}>
            New checklist from a copy of CASP
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void startFrom("blank")}>
            New blank checklist
          </button>
        </div>
      ) : null}
      {editing ? <ChecklistEditor key={editing.draft.key || "new"} draft={editing.draft} isNew={editing.isNew} busy={busy} onSave={(d) => void save(d)} onCancel={() => setEditing(null)} /> : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {listed.error ? <Alert>Could not load the checklists.</Alert> : null}
    </section>
  );
}
