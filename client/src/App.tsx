// Chooses the page for the current address. Signed-out visitors see the sign-in page at
// any address, so after signing in they land where their link pointed.
import { useEffect } from "react";
import { Loading } from "./components/Alert";
import { notePageChange } from "./components/PageHeading";
import { DocumentPage, preloadEditor } from "./pages/DocumentPage";
import { InvitePage } from "./pages/InvitePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProjectListPage } from "./pages/ProjectListPage";
import { ProjectPage } from "./pages/ProjectPage";
import { SignInPage } from "./pages/SignInPage";
import { usePath } from "./router/history";
import { matchRoute, type Route } from "./router/routes";
import { SessionProvider, useSession } from "./session/SessionContext";

function RoutePage({ route }: { route: Route }) {
  switch (route.page) {
    case "projects":
      return <ProjectListPage />;
    case "project":
      return <ProjectPage key={route.projectId} projectId={route.projectId} />;
    case "document":
      return <DocumentPage key={route.documentId} documentId={route.documentId} />;
    case "invite":
      return <InvitePage key={route.token} token={route.token} />;
    case "notFound":
      return <NotFoundPage />;
  }
}

function PageLoading({ what }: { what: string }) {
  return (
    <main id="main" className="page">
      <Loading what={what} />
    </main>
  );
}

function Pages() {
  const { state } = useSession();
  const path = usePath();
  const route = matchRoute(path);
  useEffect(() => notePageChange(), [path, state.status]);
  // A link to a transcript: fetch the editor while the session is still being checked.
  useEffect(() => {
    if (route.page === "document") preloadEditor();
  }, [route.page]);

  if (state.status === "loading") return <PageLoading what="Concord" />;
  if (state.status === "signedOut") {
    const notice = route.page === "invite" ? "Sign in or create an account to accept your invitation." : state.error;
    return <SignInPage notice={notice} />;
  }
  return <RoutePage route={route} />;
}

export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}
