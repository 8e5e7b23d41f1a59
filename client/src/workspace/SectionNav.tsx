// The workspace's sections as links: a list in the sidebar, a bar at the bottom of a phone's
// screen. The sections are the workspace route's children marked `section` (sections.ts).
import { Link, useRouter, type AnyRoute } from "@tanstack/react-router";
import "./sections";

type Section = { label: string; to: string; exact: boolean };

function useSections(): Section[] {
  const workspace = useRouter().routesById["/projects/$projectId"] as AnyRoute;
  const children = (workspace.children ?? []) as AnyRoute[];
  return children.flatMap((route) => {
    const section = route.options.staticData?.section;
    // The overview is the workspace's index: it is current only on its own address.
    return section ? [{ label: section.label, to: route.fullPath as string, exact: route.path === "/" }] : [];
  });
}

export function SectionNav({ projectId, variant }: { projectId: string; variant: "list" | "bar" }) {
  const sections = useSections();
  return (
    <ul className={`sections sections--${variant}`}>
      {sections.map((section) => (
        <li key={section.to}>
          <Link
            // Every section sits under the workspace, so its only parameter is the project's.
            to={section.to as "/projects/$projectId"}
            params={{ projectId }}
            activeOptions={{ exact: section.exact, includeSearch: false }}
            className="sections__link"
          >
            {section.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
