// The frame of every page: a skip link, the header with the signed-in person, and the main
// landmark. The project workspace uses the same header with its own navigation beside main.
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useSession } from "../session/SessionContext";

export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

export function SiteHeader({ wide = false }: { wide?: boolean }) {
  const { state, signOut } = useSession();
  return (
    <header className={wide ? "site-header site-header--wide" : "site-header"}>
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          Concord
        </Link>
        {state.status === "signedIn" ? (
          <div className="site-header__account">
            <span className="site-header__name">{state.user.name}</span>
            <Link to="/account" className="site-header__link">
              Account
            </Link>
            <button type="button" className="button button--quiet" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}

export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <SkipLink />
      <SiteHeader wide={wide} />
      <main id="main" tabIndex={-1} className={wide ? "page page--wide" : "page"}>
        {children}
      </main>
    </>
  );
}
