// The project setting "a lead who is not coding may watch blind coding as it happens": a
// checkbox for the leads, the setting in words for everyone else.
import { useQuery } from "@tanstack/react-query";
import { api } from "../api/endpoints";
import { queries, queryKeys } from "../api/queries";
import { useInvalidate } from "../api/useInvalidate";
import { Alert } from "../components/Alert";
import { useAction } from "../components/useAction";

export function WatchSetting({ projectId, mayChange }: { projectId: string; mayChange: boolean }) {
  const settings = useQuery(queries.settings(projectId));
  const invalidate = useInvalidate();
  const { busy, message, run } = useAction();
  if (settings.status !== "success") return null;
  const watching = settings.data.leadMayWatchBlindCoding;
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
          onChange={(event) =>
            void run(async () => {
              await api.updateProjectSettings(projectId, { leadMayWatchBlindCoding: event.target.checked });
              invalidate(queryKeys.settings(projectId));
              invalidate(["documents"]);
            })
          }
        />
        A lead who is not coding may watch blind coding (the codings and agreement) as it happens
      </label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
