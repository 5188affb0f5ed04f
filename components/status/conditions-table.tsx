import { DataTable } from "@/components/ui/data-table";
import { SinceTime } from "./since-time";
import { say } from "./text";

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/**
 * Raw conditions of one object, for people who want kro's own words. On a phone the table keeps
 * readable columns (short ones on one line, messages at least 14rem) and scrolls inside its box.
 */
export function ConditionsTable({ conditions, caption }: { conditions: Condition[]; caption: string }) {
  if (conditions.length === 0) return <p className="text-sm">{say.noConditions}</p>;
  return (
    <DataTable
      caption={caption}
      columns={["Type", "Status", "Reason", "Message", "Last change"]}
      head="border-b border-border"
    >
      {conditions.map((c) => (
        <tr key={c.type} data-condition={c.type} className="border-b border-border align-top">
          <td className="py-1 pr-3 font-medium whitespace-nowrap">{c.type}</td>
          <td className="pr-3 whitespace-nowrap">{c.status}</td>
          <td className="pr-3 whitespace-nowrap">{c.reason ?? "—"}</td>
          <td className="min-w-56 pr-3">{c.message ?? ""}</td>
          <td className="whitespace-nowrap">
            <SinceTime iso={c.lastTransitionTime} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Conditions out of an object's status, leniently (shapes vary between kro and Gateway API). */
export function conditionsOf(obj: unknown): Condition[] {
  const list = (obj as { status?: { conditions?: unknown } } | undefined)?.status?.conditions;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is Condition => typeof c === "object" && c !== null && typeof (c as Condition).type === "string",
  );
}
