// What a page shows while its main resource is loading or could not be loaded.
import { Link } from "@tanstack/react-router";
import { errorMessage } from "../api/http";
import { Alert, Loading } from "./Alert";
import { Layout } from "./Layout";
import { PageHeading } from "./PageHeading";

type Props = { title: string; what: string; error: unknown };

/** Inside a frame that is already there (the workspace): the heading and the state. */
export function Pending({ title, what, error }: Props) {
  return (
    <>
      <PageHeading title={title} />
      {error ? <Alert>{errorMessage(error)}</Alert> : <Loading what={what} />}
      <p>
        <Link to="/">Back to your projects</Link>
      </p>
    </>
  );
}

/** A page of its own. */
export function PendingPage(props: Props) {
  return (
    <Layout>
      <Pending {...props} />
    </Layout>
  );
}
