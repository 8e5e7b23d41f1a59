// The project setting "a lead who is not coding may watch blind coding as it happens": a
// checkbox for the leads, the setting in words for everyone else.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";
import { useRefreshCoding } from "./refreshCoding";

export function WatchSetting({ projectId, mayChange }: { projectId: string; mayChange: boolean }) {
  const settings = useQuery(queries.settings(projectId));
  const queryClient = useQueryClient();
  // The box shows the choice at once; the server's answer then becomes the setting shown.
  const [asked, setAsked] = useState<boolean | null>(null);
  const refreshCoding = useRefreshCoding();
  const { busy, message, run } = useAction();
  if (settings.status !== "success") return null;
  const watching = asked ?? settings.data.leadMayWatchBlindCoding;
  if (!mayChange) {
    return <p className="field__hint">{watching ? "A lead who is not coding may watch blind coding as it happens." : "Nobody sees blind coding until it is revealed."}</p>;
  }
  return (
    <div className="watch-setting">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={watching}
          disabled={busy}
          onChange={(event) => {
            const wanted = event.target.checked;
            setAsked(wanted);
            void run(async () => {
              try {
                queryClient.setQueryData(queryKeys.settings(projectId), await api.updateProjectSettings(projectId, { leadMayWatchBlindCoding: wanted }));
              } finally {
                setAsked(null);
              }
              // Watching opens the coders' layers to a non-coding lead: the collab lists change too.
              refreshCoding(undefined, { details: true });
            });
          }}
        />
        A lead who is not coding may watch blind coding (the codings and agreement) as it happens
      </label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
