// The signed-in person's projects, with their role in each, and a form to start one.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { errorMessage } from "../api/http";
import { queries } from "../api/queries";
import { Alert, Loading } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { roleName } from "../components/roles";
import { CreateProjectForm } from "../project/CreateProjectForm";

export function ProjectListPage() {
  const projects = useQuery(queries.projects());

  return (
    <Layout>
      <PageHeading title="Your projects" />
      <section aria-labelledby="project-list-heading">
        <h2 id="project-list-heading" className="visually-hidden">
          Projects you belong to
        </h2>
        {projects.status === "pending" ? <Loading what="your projects" /> : null}
        {projects.status === "error" ? <Alert>{errorMessage(projects.error)}</Alert> : null}
        {projects.status === "success" && projects.data.length === 0 ? (
          <p>You are not in any projects yet. Start one below, or open an invitation link someone sent you.</p>
        ) : null}
        {projects.status === "success" && projects.data.length > 0 ? (
          <ul className="link-list">
            {projects.data.map((project) => (
              <li key={project.id}>
                <Link to="/projects/$projectId" params={{ projectId: project.id }} className="link-list__link">
                  <span className="link-list__title">{project.title}</span>
                  <span className="link-list__meta">Your role: {roleName(project.role)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <CreateProjectForm />
    </Layout>
  );
}
