// The page shown while a page's main resource is loading or could not be loaded.
import type { Resource } from "../api/useResource";
import { Link } from "../router/Link";
import { paths } from "../router/routes";
import { Alert, Loading } from "./Alert";
import { Layout } from "./Layout";
import { PageHeading } from "./PageHeading";

type Props = { title: string; what: string; resource: Exclude<Resource<unknown>, { status: "ready" }> };

export function PendingPage({ title, what, resource }: Props) {
  return (
    <Layout>
      <PageHeading title={title} />
      {resource.status === "loading" ? <Loading what={what} /> : <Alert>{resource.message}</Alert>}
      <p>
        <Link to={paths.projects()}>Back to your projects</Link>
      </p>
    </Layout>
  );
}
