// `/documents/:id`, the address of a transcript before the workspace, still in emails and
// bookmarks: the document says which project it belongs to, and the link goes on there with
// its span or thread. The text is asked for at the same time, so the detour costs no wait.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useParams, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { queries } from "../api/queries";
import { PendingPage } from "../components/PendingPage";
import type { TranscriptSearch } from "./spanSearch";

/** Replaces the address with the transcript's own in its project, keeping its span or thread. */
export function GoToTranscript({ projectId, documentId, search }: { projectId: string; documentId: string; search: TranscriptSearch }) {
  return <Navigate to="/projects/$projectId/transcripts/$documentId" params={{ projectId, documentId }} search={search} replace />;
}

export function LegacyDocumentRedirect() {
  const { documentId } = useParams({ from: "/documents/$documentId" });
  const search = useSearch({ from: "/documents/$documentId" });
  const queryClient = useQueryClient();
  const document = useQuery(queries.document(documentId));
  useEffect(() => {
    void queryClient.prefetchQuery(queries.documentText(documentId));
  }, [queryClient, documentId]);

  if (document.status !== "success") return <PendingPage title="Transcript" what="the transcript" error={document.error} />;
  return <GoToTranscript projectId={document.data.projectId} documentId={documentId} search={search} />;
}
