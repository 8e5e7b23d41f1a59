// A project's workspace: the sections in a sidebar on a wide screen (with the project's
// transcripts under them while one is open) or in a bar at the bottom of a phone's screen,
// and the section itself in the main landmark. The frame stays while sections change, so
// moving between them keeps your place in the navigation.
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useParams } from "@tanstack/react-router";
import { queries } from "../api/queries";
import { SiteHeader, SkipLink } from "../components/Layout";
import { SCREENS, useMediaQuery } from "../components/useMediaQuery";
import { SectionNav } from "./SectionNav";
import { TranscriptNavList } from "./TranscriptNavList";

/**
 * Whether the sidebar may fetch its own lists yet. On a transcript's address over a slow link
 * the words come first: the lists wait until the transcript's text (or its failure) is in.
 */
function useSidebarMayLoad(documentId: string | undefined): boolean {
  const text = useQuery({ ...queries.documentText(documentId ?? ""), enabled: false });
  const document = useQuery({ ...queries.document(documentId ?? ""), enabled: false });
  return documentId === undefined || text.status !== "pending" || document.status === "error";
}

function ProjectName({ projectId, enabled }: { projectId: string; enabled: boolean }) {
  const project = useQuery({ ...queries.project(projectId), enabled });
  return (
    <div className="workspace__project">
      <Link to="/projects/$projectId" params={{ projectId }} activeOptions={{ exact: true }} className="workspace__project-title">
        {project.data?.title ?? "Project"}
      </Link>
    </div>
  );
}

export function WorkspaceLayout() {
  const { projectId } = useParams({ from: "/projects/$projectId" });
  const { documentId } = useParams({ strict: false });
  const sidebar = useMediaQuery(SCREENS.sidebar);
  const mayLoad = useSidebarMayLoad(documentId);
  return (
    <>
      <SkipLink />
      <SiteHeader wide />
      <div className={documentId ? "workspace workspace--transcript" : "workspace"}>
        {sidebar ? (
          <nav className="workspace__sidebar" aria-label="Project">
            <ProjectName projectId={projectId} enabled={mayLoad} />
            <SectionNav projectId={projectId} variant="list" />
            {documentId ? <TranscriptNavList projectId={projectId} headingId="sidebar-transcripts-heading" enabled={mayLoad} /> : null}
          </nav>
        ) : null}
        <main id="main" tabIndex={-1} className="workspace__main">
          <Outlet />
        </main>
        {sidebar ? null : (
          <nav className="workspace__bar" aria-label="Project sections">
            <SectionNav projectId={projectId} variant="bar" />
          </nav>
        )}
      </div>
    </>
  );
}
