// The signed-in person's projects, with their role in each, and a form to start one.
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";
import { Alert, Loading } from "../components/Alert";
import { Layout } from "../components/Layout";
import { PageHeading } from "../components/PageHeading";
import { roleName } from "../components/roles";
import { CreateProjectForm } from "../project/CreateProjectForm";
import { Link } from "../router/Link";
import { paths } from "../router/routes";

export function ProjectListPage() {
  const [projects] = useResource(() => api.listProjects().then((r) => r.projects), "projects");

  return (
    <Layout>
      <PageHeading title="Your projects" />
      <section aria-labelledby="project-list-heading">
        <h2 id="project-list-heading" className="visually-hidden">
          Projects you belong to
        </h2>
        {projects.status === "loading" ? <Loading what="your projects" /> : null}
        {projects.status === "error" ? <Alert>{projects.message}</Alert> : null}
        {projects.status === "ready" && projects.data.length === 0 ? (
          <p>You are not in any projects yet. Start one below, or open an invitation link someone sent you.</p>
        ) : null}
        {projects.status === "ready" && projects.data.length > 0 ? (
          <ul className="link-list">
            {projects.data.map((project) => (
              <li key={project.id}>
                <Link to={paths.project(project.id)} className="link-list__link">
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
