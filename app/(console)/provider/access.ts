import "server-only";
import { notFound } from "next/navigation";
import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { mayOpenConsole } from "@/lib/provider/access";

/**
 * For the console's pages: the signed-in platform admin, or 404 for everyone else. `reachable` is
 * false when the provider did not answer the access check (the page says so instead).
 */
export async function requireConsoleUser(returnTo: string) {
  const user = await requireUser(returnTo);
  const identity = k8sIdentity(user);
  const allowed = await mayOpenConsole(identity, env().PORTAL_ADMIN_GROUP).catch(() => undefined);
  if (allowed === false) notFound();
  return { user, identity, reachable: allowed === true };
}
