// Data extraction for the study-characteristics table (thesis Table 4): for each study
// included at full text, a form of its fields, saved as the person types (after a pause)
// and when they leave a field, with who last changed it. Each field is saved on its own,
// so two people filling in different fields of one study never overwrite each other.
// Viewers read the same form, not editable.
import { STUDY_FIELDS, type StudyField } from "@concord/shared/review/reportTables";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { StudyExtraction } from "../api/types";
import { Alert } from "../components/Alert";
import { formatDateTime } from "../components/dates";

/** How long typing pauses before a field is saved. */
const SAVE_AFTER_MS = 800;
/** As the server allows (routes/extraction.ts). */
const FIELD_MAX = 2000;

function StudyForm({ projectId, study, canEdit }: { projectId: string; study: StudyExtraction; canEdit: boolean }) {
  const [values, setValues] = useState(study.fields);
  const [saved, setSaved] = useState({ by: study.updatedBy, at: study.updatedAt });
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const pending = useRef(new Map<StudyField, ReturnType<typeof setTimeout>>());
  const lastSaved = useRef(study.fields);

  useEffect(() => {
    const timers = pending.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  async function save(key: StudyField, value: string) {
    clearTimeout(pending.current.get(key));
    pending.current.delete(key);
    if (lastSaved.current[key] === value) return;
    try {
      const result = await api.saveExtraction(projectId, study.recordId, { [key]: value });
      lastSaved.current = { ...lastSaved.current, [key]: value };
      setSaved({ by: result.updatedBy, at: result.updatedAt });
      setStatus({ tone: "info", text: `Saved ${STUDY_FIELDS.find((f) => f.key === key)!.label.toLowerCase()}.` });
    } catch (error) {
      setStatus({ tone: "error", text: errorMessage(error) });
    }
  }

  function change(key: StudyField, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    clearTimeout(pending.current.get(key));
    pending.current.set(key, setTimeout(() => void save(key, value), SAVE_AFTER_MS));
  }

  const id = (key: StudyField) => `extraction-${study.recordId}-${key}`;
  return (
    <details className="card extraction-study">
      <summary>
        <span className="extraction-study__number">{study.number}.</span> {values.authors || "Unknown author"}: {values.title || "(untitled)"}
      </summary>
      <form className="stack extraction-study__form" onSubmit={(e) => e.preventDefault()} aria-label={`Study ${study.number}`}>
        {STUDY_FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={id(f.key)}>{f.label}</label>
            <textarea
              id={id(f.key)}
              rows={f.key === "authors" ? 1 : f.key === "title" ? 2 : 3}
              maxLength={FIELD_MAX}
              value={values[f.key]}
              readOnly={!canEdit}
              onChange={(e) => change(f.key, e.target.value)}
              onBlur={(e) => canEdit && void save(f.key, e.target.value)}
            />
          </div>
        ))}
        <p className="extraction-study__changed">{saved.by && saved.at ? `Last changed by ${saved.by.name}, ${formatDateTime(saved.at)}.` : "Not filled in yet."}</p>
        <p role="status" className="extraction-study__status">
          {status?.tone === "info" ? status.text : ""}
        </p>
        {status?.tone === "error" ? <Alert tone="error">{status.text}</Alert> : null}
      </form>
    </details>
  );
}

export function ExtractionForms({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const studies = useQuery(queries.extraction(projectId));
  return (
    <section className="card stack extraction" aria-labelledby="extraction-heading">
      <h2 id="extraction-heading">Study characteristics</h2>
      <p>
        What each included study is about, for the study-characteristics table (Word, Excel and CSV in the report).
        {canEdit ? " Changes are saved as you type." : ""}
      </p>
      {studies.error ? <Alert>{errorMessage(studies.error)}</Alert> : null}
      {studies.data?.length === 0 ? <p>No study is included at full text yet.</p> : null}
      {studies.data?.map((study) => <StudyForm key={study.recordId} projectId={projectId} study={study} canEdit={canEdit} />)}
    </section>
  );
}
