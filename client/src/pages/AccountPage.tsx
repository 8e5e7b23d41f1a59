// Your account: your address and whether it is confirmed, your password, signing out of
// every browser, and your API tokens.
import { useState } from "react";
import { api } from "../api/endpoints";
import { errorMessage } from "../api/http";
import { PasswordForm } from "../account/PasswordForm";
import { TokenList } from "../account/TokenList";
import { Alert } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { useSession, useUser } from "../session/SessionContext";
import { useSendsEmail } from "../session/useAuthOptions";

function AddressStatus() {
  const user = useUser();
  const sendsEmail = useSendsEmail();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function sendLink() {
    setMessage(null);
    try {
      setMessage({ tone: "success", text: (await api.sendVerification()).message });
    } catch (caught) {
      setMessage({ tone: "error", text: errorMessage(caught) });
    }
  }

  if (sendsEmail === false) {
    return <p>This Concord server does not send email, so your address has not been checked.</p>;
  }
  if (user.emailVerified) return <p>Your email address is confirmed.</p>;
  return (
    <>
      <p>
        Your email address is not confirmed yet. Until it is, a lead who adds you by email sends you an invitation instead
        of adding you straight away.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {sendsEmail ? (
        <button type="button" className="button" onClick={() => void sendLink()}>
          Send me a new confirmation link
        </button>
      ) : null}
    </>
  );
}

function SignOutEverywhere() {
  const { signedOut } = useSession();
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setError(null);
    try {
      await api.signOutEverywhere();
      signedOut("You have been signed out of every browser, this one too.");
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <section className="stack card" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">Sign out everywhere</h2>
      <p>
        Signs you out of every browser and device, this one too, and closes any documents open there. Use it if you signed in
        on a shared computer or lost a device. Your API tokens keep working: revoke them below.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <button type="button" className="button" onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </button>
    </section>
  );
}

export function AccountPage() {
  const user = useUser();
  return (
    <Layout>
      <div className="narrow stack">
        <PageHeading title="Your account" />
        <section className="stack" aria-labelledby="details-heading">
          <h2 id="details-heading">Your details</h2>
          <p>
            {user.name}, {user.email}
          </p>
          <AddressStatus />
        </section>
        <PasswordForm />
        <SignOutEverywhere />
        <TokenList />
      </div>
    </Layout>
  );
}
