// Chooses the page for the current address. Signed-out visitors see the sign-in page at
// any address, so after signing in they land where their link pointed.
import { useEffect, useRef } from "react";
import { Loading } from "./components/Alert";
import { notePageChange } from "./components/PageHeading";
import { AccountPage } from "./pages/AccountPage";
import { DocumentPage, preloadEditor } from "./pages/DocumentPage";
import { InvitePage } from "./pages/InvitePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProjectListPage } from "./pages/ProjectListPage";
import { ProjectPage } from "./pages/ProjectPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { SignInPage } from "./pages/SignInPage";
import { VerifyEmailPage } from "./pages/VerifyEmailPage";
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
    case "account":
      return <AccountPage />;
    case "verifyEmail":
      return <VerifyEmailPage key={route.token} token={route.token} />;
    case "resetPassword":
      return <ResetPasswordPage key={route.token} token={route.token} />;
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

/** Why a link asks to sign in first. */
const SIGN_IN_NOTICES: Partial<Record<Route["page"], string>> = {
  invite: "Sign in or create an account to accept your invitation.",
  verifyEmail: "Sign in to confirm your email address.",
};

function Pages() {
  const { state } = useSession();
  const path = usePath();
  const route = matchRoute(path);
  useEffect(() => notePageChange(), [path, state.status]);
  // Signing in or out shows another page at the same address, so no navigation scrolls it
  // back up: on a phone the project list would otherwise open where the sign-in form was.
  const shownStatus = useRef(state.status);
  useEffect(() => {
    if (shownStatus.current !== "loading" && shownStatus.current !== state.status) window.scrollTo(0, 0);
    shownStatus.current = state.status;
  }, [state.status]);
  // A link to a transcript: fetch the editor while the session is still being checked.
  useEffect(() => {
    if (route.page === "document") preloadEditor();
  }, [route.page]);

  if (state.status === "loading") return <PageLoading what="Concord" />;
  // A password link is for someone who cannot sign in: it needs no session.
  if (state.status === "signedOut" && route.page !== "resetPassword") {
    return <SignInPage notice={SIGN_IN_NOTICES[route.page] ?? state.error} />;
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
