import { ScrollArea } from "@/components/ui/scroll-area";
import type { LiveEvent } from "@/lib/live/types";
import { SinceTime } from "./since-time";
import { say } from "./text";
import { uniqueKeys } from "./unique-keys";

/** One row per Kubernetes Event, from either cluster, newest first (as lib/live orders them). */
export function EventsTable({ events }: { events: LiveEvent[] }) {
  if (events.length === 0) return <p className="text-sm">{say.noEvents}</p>;
  return (
    <ScrollArea label="Events from your cluster and the provider cluster">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Events from your cluster and the provider cluster</caption>
        <thead className="border-b border-slate-200 dark:border-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-3">
              When
            </th>
            <th scope="col" className="pr-3">
              Cluster
            </th>
            <th scope="col" className="pr-3">
              Type
            </th>
            <th scope="col" className="pr-3">
              Reason
            </th>
            <th scope="col" className="pr-3">
              Object
            </th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {uniqueKeys(
            events,
            (e) => `${e.cluster}/${e.object.kind}/${e.object.name}/${e.reason}/${e.lastTimestamp}`,
          ).map(({ key, item: e }) => (
            <tr key={key} data-event={e.reason} className="border-b border-slate-100 align-top dark:border-slate-800">
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
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
