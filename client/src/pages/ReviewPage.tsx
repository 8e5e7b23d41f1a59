// The Review section: screening at title and abstract or at full text, and appraisal — the
// signed-in person's own screening or appraisal screen, the lead's assignment of a second
// reviewer, the agreement and disagreements once items reveal, full texts not retrieved, each
// included study's extraction fields — and the project's records with their import form.
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { can } from "@concord/shared/project/roles";
import { useMemo, useState } from "react";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import type { ReviewStage } from "../api/types";
import { Alert, Loading } from "../components/Alert";
import { PageHeading } from "../components/PageHeading";
import { canAddDocuments } from "../components/roles";
import { AppraisalScreen } from "../review/AppraisalScreen";
import { AssignReviewer } from "../review/AssignReviewer";
import { ChecklistsPanel } from "../review/ChecklistsPanel";
import { CriteriaEditor } from "../review/CriteriaEditor";
import { Disagreements } from "../review/Disagreements";
import { ExtractionForms } from "../review/ExtractionForms";
import { NotRetrievedList } from "../review/NotRetrieved";
import { RecordsPanel } from "../review/RecordsPanel";
import { ReviewReport } from "../review/ReviewReport";
import { ScreeningScreen } from "../review/ScreeningScreen";
import { useLiveReview } from "../review/useLiveReview";
import { useUser } from "../session/SessionContext";

const STAGES: { stage: ReviewStage; label: string }[] = [
  { stage: "title_abstract", label: "Title and abstract" },
  { stage: "full_text", label: "Full text" },
  { stage: "appraisal", label: "Appraisal" },
];

export function ReviewPage() {
  const { projectId } = useParams({ from: "/projects/$projectId/review" });
  const user = useUser();
  const [stage, setStage] = useState<ReviewStage>("title_abstract");
  const project = useQuery(queries.project(projectId));
  const records = useQuery(queries.records(projectId));
  const criteria = useQuery(queries.criteria(projectId));
  const items = useQuery(queries.reviewItems(projectId, stage));
  const assignments = useQuery(queries.assignments(projectId, stage));
  const agreement = useQuery(queries.reviewAgreement(projectId, stage));
  const byId = useMemo(() => new Map((records.data ?? []).map((r) => [r.id, r])), [records.data]);
  const stageItems = items.data?.items;
  const mine = stageItems?.find((i) => i.collab.own)?.collab;
  useLiveReview(projectId, stage, [mine?.own ?? null, items.data?.collab.revealed ?? null]);
  const role = project.data?.role;
  const failed = [project, records, criteria, items, assignments, agreement].find((q) => q.status === "error");

  return (
    <div className="stack review">
      <PageHeading title="Review" />
      {failed ? <Alert>{errorMessage(failed.error)}</Alert> : null}
      <div className="stage-switch" role="group" aria-label="Stage">
        {STAGES.map((s) => (
          <button key={s.stage} type="button" className="button" aria-pressed={stage === s.stage} onClick={() => setStage(s.stage)}>
            {s.label}
          </button>
        ))}
      </div>
      {!stageItems || !records.data || !criteria.data || !user ? (
        <Loading what={stage === "appraisal" ? "your appraisal" : "your screening"} />
      ) : items.data?.checklist ? (
        <AppraisalScreen key={stage} projectId={projectId} userId={user.id} items={stageItems} records={byId} checklist={items.data.checklist} />
      ) : (
        <ScreeningScreen key={stage} projectId={projectId} stage={stage} userId={user.id} items={stageItems} records={byId} criteria={criteria.data} canManage={role === "lead"} />
      )}
      {agreement.data && criteria.data && items.data ? <Disagreements projectId={projectId} stage={stage} agreement={agreement.data} criteria={criteria.data} checklist={items.data.checklist?.definition} /> : null}
      {stage === "appraisal" ? <ChecklistsPanel projectId={projectId} canEdit={role === "lead"} /> : null}
      {criteria.data ? <CriteriaEditor projectId={projectId} criteria={criteria.data} canEdit={role === "lead"} /> : null}
      {role === "lead" && project.data && assignments.data ? <AssignReviewer projectId={projectId} stage={stage} members={project.data.members} assignments={assignments.data} /> : null}
      {stage === "full_text" ? <NotRetrievedList projectId={projectId} records={byId} canManage={role === "lead"} /> : null}
      {role ? <ExtractionForms projectId={projectId} canEdit={can(role, "document.edit")} /> : null}
      <ReviewReport projectId={projectId} version={agreement.dataUpdatedAt} />
      {records.data ? <RecordsPanel projectId={projectId} records={records.data} canImport={role ? canAddDocuments(role) : false} /> : null}
    </div>
  );
}
