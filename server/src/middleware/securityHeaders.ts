// Security headers on every response, page or API. The Content-Security-Policy lets the page
// run only the built client's own files: Vite emits no inline script or style (checked in
// the browser tests, which fail on any CSP violation), the editor's styles are set through
// the DOM (which CSP allows), and the only socket is /collab on Concord's own address.
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../env";

/** The WebSocket origin of Concord's public address: `'self'` already covers it in current browsers, older ones need it named. */
function collabOrigin(deps: AppDeps): string {
  const url = deps.publicUrl();
  return `${url.protocol === "https:" ? "wss:" : "ws:"}//${url.host}`;
}

export function securityHeaders(deps: AppDeps): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // The favicon is a data: URL in index.html.
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'", () => collabOrigin(deps)],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    // Pages may see where inside Concord someone came from; no other site ever receives a
    // Concord address (an invitation link carries its secret in the path). Unlike
    // no-referrer, this keeps the Origin header on same-origin writes, which csrf.ts checks.
    referrerPolicy: "same-origin",
    // Only for the address it was served on; Concord does not speak for the rest of a
    // university's domain (no includeSubDomains). Browsers ignore it over plain HTTP.
    strictTransportSecurity: "max-age=15552000",
  });
}
