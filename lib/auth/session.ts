import "server-only";
import { redirect } from "next/navigation";
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "./options";

export { identityOf as k8sIdentity } from "../k8s/types";

export interface SignedInUser {
  name: string;
  email?: string;
  username: string;
  groups: string[];
}

/** The signed-in user, or null. Never throws for an anonymous visitor. */
export async function currentSession(): Promise<Session | null> {
  return getServerSession(authOptions());
}

/**
 * For signed-in pages: returns the user or redirects to sign-in, coming back to `returnTo`.
 * A session the identity provider refused to refresh, or one signed out on any replica, counts as
 * signed out, with a reason. Server actions use lib/actions' userAction instead.
 */
export async function requireUser(returnTo: string): Promise<SignedInUser> {
  const session = await currentSession();
  if (!session?.user?.username) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (session.error) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}&reason=${session.error}`);
  return session.user;
}
