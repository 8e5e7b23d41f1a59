// Who is signed in. Loaded once from /api/me; sign-in and sign-out update it.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/endpoints";
import { ApiError, errorMessage, SESSION_ENDED_EVENT } from "../api/http";
import type { User } from "../api/types";

type SessionState =
  | { status: "loading" }
  | { status: "signedOut"; error?: string }
  | { status: "signedIn"; user: User };

type Session = {
  state: SessionState;
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
  /** The server has already ended the session (signed out everywhere); `notice` says so. */
  signedOut: (notice?: string) => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const queryClient = useQueryClient();
  // What one person was shown must not be shown to whoever signs in next in this browser.
  useEffect(() => {
    if (state.status === "signedOut") queryClient.clear();
  }, [state.status, queryClient]);

  useEffect(() => {
    let cancelled = false;
    api.me().then(
      ({ user }) => !cancelled && setState({ status: "signedIn", user }),
      (error: unknown) => {
        if (cancelled) return;
        // 401 is the normal "not signed in"; anything else is worth telling the person.
        const unreachable = !(error instanceof ApiError && error.status === 401);
        setState(unreachable ? { status: "signedOut", error: errorMessage(error) } : { status: "signedOut" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onEnded = () => setState({ status: "signedOut", error: "You have been signed out. Please sign in again." });
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, []);

  const signedIn = useCallback((user: User) => setState({ status: "signedIn", user }), []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setState({ status: "signedOut" });
    }
  }, []);

  const signedOut = useCallback((notice?: string) => setState({ status: "signedOut", error: notice }), []);

  const value = useMemo(() => ({ state, signedIn, signOut, signedOut }), [state, signedIn, signOut, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; must be used inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside SessionProvider");
  return session;
}

/** The signed-in user; only for pages that are shown to signed-in people. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== "signedIn") throw new Error("useUser needs a signed-in user");
  return state.user;
}
