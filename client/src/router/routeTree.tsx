// Every address the client answers, as TanStack Router routes with typed params: the project
// workspace nests its sections and the transcript view under one layout. Only what the first
// view of a transcript link needs is in the first download (its budget: `pnpm bench:client`);
// every other page is loaded on demand, fetched as soon as a link to it is hovered or focused.
import { createRootRoute, createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { LegacyDocumentRedirect } from "../transcript/LegacyDocumentRedirect";
import { preloadEditor, TranscriptPage } from "../transcript/TranscriptPage";
import { parseTranscriptSearch } from "../transcript/spanSearch";
import { WorkspaceLayout } from "../workspace/WorkspaceLayout";
import "../workspace/sections";
import { RootPage } from "./RootPage";

const rootRoute = createRootRoute({
  component: RootPage,
  notFoundComponent: lazyRouteComponent(() => import("../pages/NotFoundPage"), "NotFoundPage"),
});

const projectListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../pages/ProjectListPage"), "ProjectListPage"),
});
const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects",
  beforeLoad: () => {
    throw redirect({ to: "/", replace: true });
  },
});
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  component: lazyRouteComponent(() => import("../pages/AccountPage"), "AccountPage"),
});
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invite/$token",
  staticData: { signInNotice: "Sign in or create an account to accept your invitation." },
  component: lazyRouteComponent(() => import("../pages/InvitePage"), "InvitePage"),
});
const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verify-email/$token",
  staticData: { signInNotice: "Sign in to confirm your email address." },
  component: lazyRouteComponent(() => import("../pages/VerifyEmailPage"), "VerifyEmailPage"),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password/$token",
  staticData: { public: true },
  component: lazyRouteComponent(() => import("../pages/ResetPasswordPage"), "ResetPasswordPage"),
});
/** Links from before the workspace: they name no project, so the document says which. */
const legacyDocumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/documents/$documentId",
  validateSearch: parseTranscriptSearch,
  loader: preloadEditor,
  component: LegacyDocumentRedirect,
});

export const workspaceRoute = createRoute({ getParentRoute: () => rootRoute, path: "/projects/$projectId", component: WorkspaceLayout });

// The sections, in the navigation's order (workspace/sections.ts).
const overviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: "/",
  staticData: { section: { label: "Overview" } },
  component: lazyRouteComponent(() => import("../pages/OverviewPage"), "OverviewPage"),
});
const transcriptsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: "/transcripts",
  staticData: { section: { label: "Transcripts" } },
  component: lazyRouteComponent(() => import("../pages/TranscriptsPage"), "TranscriptsPage"),
});
const peopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: "/people",
  staticData: { section: { label: "People" } },
  component: lazyRouteComponent(() => import("../pages/PeoplePage"), "PeoplePage"),
});
const reviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: "/review",
  staticData: { section: { label: "Review" } },
  component: lazyRouteComponent(() => import("../pages/ReviewPage"), "ReviewPage"),
});
const transcriptRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: "/transcripts/$documentId",
  validateSearch: parseTranscriptSearch,
  // The editor is most of the download: start it while the session and the document load.
  loader: preloadEditor,
  component: TranscriptPage,
});

export const routeTree = rootRoute.addChildren([
  projectListRoute,
  projectsRoute,
  accountRoute,
  inviteRoute,
  verifyEmailRoute,
  resetPasswordRoute,
  legacyDocumentRoute,
  workspaceRoute.addChildren([overviewRoute, transcriptsRoute, reviewRoute, peopleRoute, transcriptRoute]),
]);
