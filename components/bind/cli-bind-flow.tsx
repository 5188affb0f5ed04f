import { TemplateGrants } from "@/components/catalog/template-grants";
import { EmptyState } from "@/components/ui/state-panels";
import type { ExportTemplate } from "@/lib/catalog/templates";
import { ConsentForm } from "./consent-form";

interface Props {
  templates: ExportTemplate[];
  kinds: Record<string, string>;
  sessionId: string;
  redirectUrl: string;
  consumerId?: string;
  userName: string;
}

/** The page `kubectl bind` opens: pick an export, read what it grants, consent. */
export function CliBindFlow({ templates, kinds, sessionId, redirectUrl, consumerId, userName }: Props) {
  const port = new URL(redirectUrl).port;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Bind an API to your cluster</h1>
      <p className="text-slate-700 dark:text-slate-300">
        <code>kubectl bind</code> is waiting on this computer (port {port}). Choose what to bind as{" "}
        <strong>{userName}</strong>; the command finishes the binding in your cluster.
      </p>
      {templates.length === 0 ? (
        <EmptyState title="Nothing to bind">
          <p>The provider exports no API yet.</p>
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {templates.map((t) => (
            <li key={t.metadata.name} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 className="text-lg font-semibold">{t.metadata.name}</h2>
              <TemplateGrants template={t} kinds={kinds} />
              <ConsentForm
                template={t.metadata.name}
                sessionId={sessionId}
                redirectUrl={redirectUrl}
                consumerId={consumerId}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
