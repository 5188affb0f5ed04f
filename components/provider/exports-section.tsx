import { Section } from "@/components/ui/section";
import type { ExportRow } from "@/lib/provider/types";
import { text } from "./text";

/** Each export template: what it exports and claims, who bound it, and its kro instances by state. */
export function ExportsSection({ rows }: { rows: ExportRow[] }) {
  return (
    <Section id="exports" title={text.exports}>
      {rows.length === 0 ? <p className="text-sm">{text.noExports}</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        {rows.map((t) => (
          <article
            key={t.name}
            data-export={t.name}
            aria-labelledby={`export-${t.name}`}
            className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`export-${t.name}`} className="font-semibold">
                {t.name}
              </h3>
              <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="export-consumers">
                {t.scope ? `${t.scope} · ` : ""}
                {text.consumersOf(t.consumers.length)}
              </span>
            </div>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
              {t.resources.map((r) => (
                <div key={r.name} className="contents">
                  <dt className="text-slate-600 dark:text-slate-400">Resource</dt>
                  <dd>
                    <span className="font-mono text-xs">{r.name}</span> {r.versions.join(", ")}
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {r.served ? text.served : text.notServed}
                    </span>
                  </dd>
                  <dt className="text-slate-600 dark:text-slate-400">Instances</dt>
                  <dd data-instances={r.name}>
                    {r.total === 0
                      ? text.noInstances
                      : Object.entries(r.states)
                          .sort(([a], [b]) => a.localeCompare(b))
                          .map(([state, n]) => `${n} ${state}`)
                          .join(", ")}
                    {r.notReady ? ` (${r.notReady} not Ready)` : ""}
                  </dd>
                </div>
              ))}
              {t.claims.map((c) => (
                <div key={`${c.resource}:${c.selects}`} className="contents">
                  <dt className="text-slate-600 dark:text-slate-400">Claims</dt>
                  <dd>
                    <span className="font-mono text-xs">{c.resource}</span> {c.selects}
                  </dd>
                </div>
              ))}
            </dl>
          </article>
        ))}
      </div>
    </Section>
  );
}
