// The app's router. TanStack Router was chosen over React Router for its typed search
// parameters: a transcript's `?from=&to=` span and `?thread=` are validated once, in the
// route, and every link that builds them is type-checked, as are the path params.
import { createRouter } from "@tanstack/react-router";
import { routeTree } from "./routeTree";

export const router = createRouter({
  routeTree,
  // Back and forward return to where the page was; a new page opens at its top.
  scrollRestoration: true,
  // Links to a section or transcript fetch its code when hovered or focused.
  defaultPreload: "intent",
  // TanStack Query keeps the data; the router's own loaders only start downloads.
  defaultPreloadStaleTime: 0,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
