import { Link } from "@tanstack/react-router";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";

export function NotFoundPage() {
  return (
    <Layout>
      <PageHeading title="Page not found" />
      <p>We could not find this page. The link may be wrong or out of date.</p>
      <p>
        <Link to="/">Go to your projects</Link>
      </p>
    </Layout>
  );
}
