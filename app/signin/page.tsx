import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/shell/sign-in-button";
import { currentSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const REASONS: Record<string, string> = {
  Expired: "Your session ended. Sign in again to continue where you left off.",
  RefreshFailed: "Your identity provider did not renew your session. Sign in again to continue.",
  Revoked: "This session was signed out. Sign in again to continue.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl, env().PORTAL_URL);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  // next-auth sends sign-in failures here; the error page explains them.
  if (typeof params.error === "string") redirect(`/auth/error?error=${encodeURIComponent(params.error)}`);
  const session = await currentSession();
  if (session?.user?.username && !session.error) redirect(callbackUrl);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <h1 className="text-2xl font-semibold">Sign in to the kube-bind portal</h1>
      {params.signedOut ? (
        <output className="rounded-md bg-success-soft p-3 text-sm text-fg">You are signed out.</output>
      ) : null}
      {reason ? (
        <p role="alert" className="rounded-md bg-warning-soft p-3 text-sm text-fg">
          {reason}
        </p>
      ) : null}
      <p className="text-muted">
        Bind the provider&apos;s APIs to your cluster and manage what you create with them. You sign in with your
        organisation&apos;s identity provider; the portal then acts as you on each cluster, so your own permissions
        decide what you can see and do.
      </p>
      <div>
        <SignInButton callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
