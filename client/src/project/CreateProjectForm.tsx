import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { TITLE_LIMITS, checkTitle } from "@concord/shared/text/title";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { queryKeys } from "../api/queries";
import { Alert } from "../components/Alert";
import { TextField } from "../components/Field";

/** Starts a new project with the signed-in person as its lead, then opens it. */
export function CreateProjectForm() {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError("Please give the project a name.");
      return;
    }
    // The server's own rule, so a title it would refuse is explained before it is sent.
    const checked = checkTitle(title, TITLE_LIMITS.project.what, TITLE_LIMITS.project.max);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const project = await api.createProject(checked.value);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      void navigate({ to: "/projects/$projectId", params: { projectId: project.id } });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <form className="stack card" onSubmit={handleSubmit} aria-labelledby="create-project-heading">
      <h2 id="create-project-heading">Start a new project</h2>
      <TextField
        label="Project name"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={200}
        hint="You will be its lead researcher and can invite others."
      />
      {error ? <Alert>{error}</Alert> : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Creating…" : "Create project"}
      </button>
    </form>
  );
}
