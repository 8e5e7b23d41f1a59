// Whether this Concord server sends email (address confirmation, password reset), which
// changes what the sign-up, account and members pages offer and say.
import { api } from "../api/endpoints";
import { useResource } from "../api/useResource";

/** True or false once known; null while loading or if the server could not be asked. */
export function useSendsEmail(): boolean | null {
  const [options] = useResource(api.authOptions, "auth-options");
  return options.status === "ready" ? options.data.email : null;
}
