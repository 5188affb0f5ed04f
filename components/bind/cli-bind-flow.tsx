import { InstallList } from "@/components/catalog/install-list";
import { TemplateGrants } from "@/components/catalog/template-grants";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
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

// kubectl bind installs on the cluster of the kubeconfig it runs with; the portal never sees it.
const CLI_CLUSTER = "the cluster of your current kubectl context";
const CLI_FINISH = `The command then finishes the binding on ${CLI_CLUSTER}.`;

/** The page `kubectl bind` opens: pick an export, read what it grants and installs, consent. */
export function CliBindFlow({ templates, kinds, sessionId, redirectUrl, consumerId, userName }: Props) {
  const port = new URL(redirectUrl).port;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Bind an API to your cluster"
        description={
          <>
            kubectl bind is waiting on this computer (port {port}). Choose what to bind as <strong>{userName}</strong>.{" "}
            {CLI_FINISH}
          </>
        }
      />
      {templates.length === 0 ? (
        <EmptyState title="Nothing to bind">
          <p>The provider exports no API yet.</p>
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {templates.map((t) => (
            <Card as="li" key={t.metadata.name} title={t.metadata.name}>
              <div className="flex flex-col gap-4">
                <TemplateGrants template={t} kinds={kinds} />
                <InstallList cluster={CLI_CLUSTER} binding={t.metadata.name} />
                <ConsentForm
                  template={t.metadata.name}
                  sessionId={sessionId}
                  redirectUrl={redirectUrl}
                  consumerId={consumerId}
                />
              </div>
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
