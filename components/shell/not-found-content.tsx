import { Compass } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a 404 says: nothing here, and where to go instead. */
export function NotFoundContent() {
  return (
    <EmptyState
      title="Page not found"
      headingLevel={1}
      icon={Compass}
      actions={
        <>
          <ButtonLink href="/" variant="primary">
            Go to the dashboard
          </ButtonLink>
          <ButtonLink href="/catalog">Open the catalog</ButtonLink>
          <ButtonLink href="/loadbalancers">Your LoadBalancers</ButtonLink>
        </>
      }
    >
      <p>There is nothing at this address, or it no longer exists. Check the link, or continue from one of these.</p>
    </EmptyState>
  );
}
