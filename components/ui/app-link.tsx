/**
 * AppLink: next/link without prefetching; use it for every in-app link.
 *   <AppLink href="/catalog">Catalog</AppLink>
 * Every page of the portal is rendered per request for the signed-in user, so a prefetch brings
 * nothing reusable; it is only cancelled by the next navigation or server action, which the
 * browser logs as a failed request (net::ERR_ABORTED).
 */
import Link from "next/link";
import type { ComponentProps } from "react";

export function AppLink({ prefetch = false, ...rest }: ComponentProps<typeof Link>) {
  return <Link prefetch={prefetch} {...rest} />;
}
