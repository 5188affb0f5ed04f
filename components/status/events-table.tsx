import { DataTable, rowClass } from "@/components/ui/data-table";
import type { LiveEvent } from "@/lib/live/types";
import { SinceTime } from "./since-time";
import { say } from "./text";
import { uniqueKeys } from "./unique-keys";

/** One row per Kubernetes Event, from either cluster, newest first (as lib/live orders them). */
export function EventsTable({ events }: { events: LiveEvent[] }) {
  if (events.length === 0) return <p className="text-sm">{say.noEvents}</p>;
  return (
    <DataTable
      caption="Events from your cluster and the provider cluster"
      columns={["When", "Cluster", "Type", "Reason", "Object", "Message"]}
    >
      {uniqueKeys(events, (e) => `${e.cluster}/${e.object.kind}/${e.object.name}/${e.reason}/${e.lastTimestamp}`).map(
        ({ key, item: e }) => (
          <tr key={key} data-event={e.reason} className={rowClass}>
            <td className="py-1 pr-3">
              <SinceTime iso={e.lastTimestamp} />
            </td>
            <td className="pr-3">{e.cluster === "consumer" ? "yours" : "provider"}</td>
            <td className="pr-3">
              {e.type === "Warning" ? <span aria-hidden="true">⚠ </span> : null}
              {e.type}
            </td>
            <td className="pr-3">{e.reason ?? "—"}</td>
            <td className="pr-3">
              {e.object.kind} {e.object.name}
            </td>
            <td>
              {e.message}
              {e.count && e.count > 1 ? ` (×${e.count})` : ""}
            </td>
          </tr>
        ),
      )}
    </DataTable>
  );
}
