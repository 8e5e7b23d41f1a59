// Whether this Concord server sends email (address confirmation, password reset), which
// changes what the sign-up, account and members pages offer and say.
import { useQuery } from "@tanstack/react-query";
import { queries } from "../api/queries";

/** True or false once known; null while loading or if the server could not be asked. */
export function useSendsEmail(): boolean | null {
  return useQuery(queries.authOptions()).data?.email ?? null;
}
