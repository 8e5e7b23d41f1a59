// The frame around every route: while the session is being checked it says so, and a
// signed-out visitor sees the sign-in page at any address, so that after signing in they
// land where their link pointed. Routes marked `public` (a password link) need no session.
import { Outlet, useMatches, useRouterState } from "@tanstack/react-router";
import { lazy, Suspense, useLayoutEffect, useRef } from "react";
import { Loading } from "../components/Alert";
import { notePageChange } from "../components/PageHeading";
import { useSession } from "../session/SessionContext";

// Not in the first download: someone following a link is usually signed in already.
const SignInPage = lazy(() => import("../pages/SignInPage").then((m) => ({ default: m.SignInPage })));

function PageLoading({ what }: { what: string }) {
  return (
    <main id="main" className="page">
      <Loading what={what} />
    </main>
  );
}

export function RootPage() {
  const { state } = useSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const matches = useMatches();
  const isPublic = matches.some((match) => match.staticData.public);
  const notice = matches.findLast((match) => match.staticData.signInNotice)?.staticData.signInNotice;

  // A new address (not a new span or thread on the same one), or signing in or out, shows
  // another page, whose heading then takes the focus. A layout effect, so it is noted before
  // the new page's own effects run; the first load (and the session check) is no change.
  const shown = useRef({ pathname, status: state.status });
  useLayoutEffect(() => {
    const before = shown.current;
    const signedInOrOut = before.status !== "loading" && before.status !== state.status;
    if (before.pathname !== pathname || signedInOrOut) notePageChange();
    // Signing in or out shows another page at the same address, so no navigation scrolls it
    // back up: on a phone the project list would otherwise open where the sign-in form was.
    if (signedInOrOut) window.scrollTo(0, 0);
    shown.current = { pathname, status: state.status };
  }, [pathname, state.status]);

  if (state.status === "loading") return <PageLoading what="Concord" />;
  if (state.status === "signedOut" && !isPublic) {
    return (
      <Suspense fallback={<PageLoading what="the sign-in page" />}>
        <SignInPage notice={notice ?? state.error} />
      </Suspense>
    );
  }
  return <Outlet />;
}
