import { KonnectorHealthLine } from "@/components/status/konnector-health";
import { StatusPill } from "@/components/ui/badge";
import type { ExportBinding } from "@/lib/catalog/read-bind-state";

const DATE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * An export's state on the user's cluster: bound (by what, since when, konnector health), bound
 * by an administrator (the user cannot see the binding), or not bound. data-bind-state for tests.
 */
export function BindStatus({ binding }: { binding: ExportBinding }) {
  const s = binding.state;
  if (s.state === "bound") {
    return (
      <div className="flex flex-col gap-2 text-sm" data-bind-state="bound">
        <p className="flex flex-wrap items-center gap-2">
          <StatusPill tone={s.ready ? "success" : "warning"}>{s.ready ? "Bound" : "Bound, not ready"}</StatusPill>
          <span>
            APIServiceBinding <strong>{s.binding}</strong>
            {s.via ? `, made with ${s.via}` : ""}
            {s.since ? (
              <>
                {" "}
                on{" "}
                <time dateTime={s.since} data-volatile>
                  {DATE.format(new Date(s.since))} UTC
                </time>
              </>
            ) : null}
            .
          </span>
        </p>
        {s.problem ? <p className="text-warning">{s.problem}</p> : null}
        {binding.konnector ? <KonnectorHealthLine health={binding.konnector} /> : null}
      </div>
    );
  }
  if (s.state === "bound-by-admin") {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm" data-bind-state="bound-by-admin">
        <StatusPill tone="success">Bound</StatusPill>
        <span>Bound by your cluster administrator: your cluster serves this API.</span>
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-bind-state="not-bound">
      <StatusPill>Not bound</StatusPill>
      <span>
        {s.mayBind
          ? "Your cluster does not serve this API yet."
          : "Your cluster does not serve this API yet; binding it needs a cluster administrator."}
      </span>
    </p>
  );
}
