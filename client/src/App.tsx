// Chooses the page for the current address. Signed-out visitors see the sign-in page at
// any address, so after signing in they land where their link pointed.
import { lazy, Suspense, useEffect } from "react";
import { Loading } from "./components/Alert";
import { notePageChange } from "./components/PageHeading";
import { AccountPage } from "./pages/AccountPage";
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

// The editor (Tiptap, Yjs) is most of the code: load it only when a document is opened, so
// sign-in and project pages arrive quickly on a slow connection.
const DocumentPage = lazy(() => import("./pages/DocumentPage").then((m) => ({ default: m.DocumentPage })));

function RoutePage({ route }: { route: Route }) {
  switch (route.page) {
    case "projects":
      return <ProjectListPage />;
    case "project":
      return <ProjectPage key={route.projectId} projectId={route.projectId} />;
    case "document":
      return (
        <Suspense fallback={<PageLoading what="the editor" />}>
          <DocumentPage key={route.documentId} documentId={route.documentId} />
        </Suspense>
      );
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
