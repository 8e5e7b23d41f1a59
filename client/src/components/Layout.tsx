// The frame of every page: a skip link, the header with the signed-in person, and the main landmark.
import type { ReactNode } from "react";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { useSession } from "../session/SessionContext";

export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { state, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className={wide ? "site-header site-header--wide" : "site-header"}>
        <div className="site-header__inner">
          <Link to={paths.projects()} className="site-header__brand">
            Concord
          </Link>
          {state.status === "signedIn" ? (
            <div className="site-header__account">
              <span className="site-header__name">{state.user.name}</span>
              <Link to={paths.account()} className="site-header__link">
                Account
              </Link>
              <button type="button" className="button button--quiet" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className={wide ? "page page--wide" : "page"}>
        {children}
      </main>
    </>
  );
}
