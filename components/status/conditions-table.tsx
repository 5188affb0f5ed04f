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

/** Raw conditions of one object, for people who want kro's own words. */
export function ConditionsTable({ conditions, caption }: { conditions: Condition[]; caption: string }) {
  if (conditions.length === 0) return <p className="text-sm">{say.noConditions}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 dark:border-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="pr-3">
              Status
            </th>
            <th scope="col" className="pr-3">
              Reason
            </th>
            <th scope="col" className="pr-3">
              Message
            </th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {conditions.map((c) => (
            <tr
              key={c.type}
              data-condition={c.type}
              className="border-b border-slate-100 align-top dark:border-slate-800"
            >
              <td className="py-1 pr-3 font-medium">{c.type}</td>
              <td className="pr-3">{c.status}</td>
              <td className="pr-3">{c.reason ?? "—"}</td>
              <td className="pr-3">{c.message ?? ""}</td>
              <td>
                <SinceTime iso={c.lastTransitionTime} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
