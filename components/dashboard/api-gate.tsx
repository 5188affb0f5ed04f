import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The way to a new LoadBalancer, on the overview and the list alike. */
export function NewLoadBalancerButton() {
  return (
    <ButtonLink href="/loadbalancers/new" variant="primary">
      <Plus aria-hidden="true" className="size-4" />
      New LoadBalancer
    </ButtonLink>
  );
}

/** What a page about LoadBalancers shows while the consumer cluster does not serve the API. */
export function BindFirst({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EmptyState
      title={title}
      actions={
        <ButtonLink href="/catalog" variant="primary">
          Open the catalog
        </ButtonLink>
      }
    >
      <p>{children}</p>
    </EmptyState>
  );
}
