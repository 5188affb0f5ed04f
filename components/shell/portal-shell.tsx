import { connection } from "next/server";
import type { ReactNode } from "react";
import { currentSession, k8sIdentity } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { showConsoleLink } from "@/lib/provider/access";
import { SiteHeader } from "./site-header";

/**
 * The page frame every portal page shares (also the 404 page): skip link, header, main.
 * Pages check the session themselves (with their own return path); the shell only shows it.
 */
export async function PortalShell({ children }: { children: ReactNode }) {
  // Rendered per request (never prerendered at build, where no configuration exists).
  await connection();
  const session = await currentSession();
  const user = session?.user?.username && !session.error ? session.user : null;
  // The provider console's link, only for whom the provider lets in (asked as the user, cached).
  const consoleLink = user ? await showConsoleLink(k8sIdentity(user), env().PORTAL_ADMIN_GROUP) : false;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface-raised focus:p-2"
      >
        Skip to content
      </a>
      <SiteHeader
        user={user}
        providerName={env().PORTAL_NAME}
        extraLinks={consoleLink ? [{ href: "/provider", label: "Provider" }] : []}
      />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
