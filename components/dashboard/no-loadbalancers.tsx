import { say } from "@/components/status/text";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** No LoadBalancer in the namespaces the user may use yet, with the way to make one. */
export function NoLoadBalancers({ namespaces }: { namespaces: string[] }) {
  return (
    <EmptyState
      title="No LoadBalancers yet"
      actions={
        <ButtonLink href="/loadbalancers/new" variant="primary">
          New LoadBalancer
        </ButtonLink>
      }
    >
      <p>{say.noRows(namespaces)}</p>
    </EmptyState>
  );
}
