import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { currentSession, k8sIdentity } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { showConsoleLink } from "@/lib/provider/access";

// Pages check the session themselves (with their own return path); the layout only renders it.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const user = session?.user?.username && !session.error ? session.user : null;
  // The provider console's link, only for whom the provider lets in (asked as the user, cached).
  const consoleLink = user ? await showConsoleLink(k8sIdentity(user), env().PORTAL_ADMIN_GROUP) : false;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Link href="/" className="mr-4 font-semibold">
            kube-bind portal
          </Link>
          {/* On narrow screens the links get a line of their own, below the name and the menus. */}
          <div className="order-last w-full sm:order-none sm:w-auto">
            <NavLinks links={consoleLink ? [{ href: "/provider", label: "Provider" }] : []} />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            {user ? <UserMenu user={user} /> : null}
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
