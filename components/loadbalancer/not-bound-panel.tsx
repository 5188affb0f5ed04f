import { AppLink as Link } from "@/components/ui/app-link";
import { EmptyState } from "@/components/ui/state-panels";

/** The API is not (yet) served by the user's cluster: say so and point to the catalog. */
export function NotBoundPanel({ settingUp, api = "LoadBalancer" }: { settingUp: boolean; api?: string }) {
  return settingUp ? (
    <EmptyState title={`The ${api} API is being set up in your cluster`}>
      <p>The export was just bound and your cluster is still publishing its schema. Reload in a few seconds.</p>
    </EmptyState>
  ) : (
    <EmptyState title={`The ${api} API is not bound to your cluster`}>
      <p>
        Your cluster does not serve it yet. Bind the export from the{" "}
        <Link href="/catalog" className="text-sky-700 underline dark:text-sky-400">
          catalog
        </Link>{" "}
        first; then this form appears here.
      </p>
    </EmptyState>
  );
}
