import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { Link } from "../router/Link";
import { paths } from "../router/routes";

export function NotFoundPage() {
  return (
    <Layout>
      <PageHeading title="Page not found" />
      <p>We could not find this page. The link may be wrong or out of date.</p>
      <p>
        <Link to={paths.projects()}>Go to your projects</Link>
      </p>
    </Layout>
  );
}
