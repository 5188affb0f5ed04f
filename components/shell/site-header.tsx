import { AppLink as Link } from "@/components/ui/app-link";
import type { SignedInUser } from "@/lib/auth/session";
import { MobileMenu } from "./mobile-menu";
import { MAIN_NAV, type NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";
import { PortalMark } from "./portal-mark";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/**
 * The portal's header: brand and provider name, the main links, theme and account. From 768 px
 * everything is in one row; below, the links and the account fold into one menu button.
 */
export function SiteHeader({
  user,
  extraLinks = [],
  providerName,
}: {
  user: SignedInUser | null;
  extraLinks?: NavItem[];
  providerName: string;
}) {
  const links = user ? [...MAIN_NAV, ...extraLinks] : [];
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
        <Link href="/" className="flex min-w-0 items-center gap-2" aria-label={`kube-bind portal of ${providerName}`}>
          <PortalMark />
          <span className="flex min-w-0 flex-col leading-tight">
            <span className="truncate font-semibold">kube-bind portal</span>
            <span className="truncate text-xs text-muted" data-testid="provider-name">
              {providerName}
            </span>
          </span>
        </Link>
        {links.length ? (
          <nav aria-label="Main" className="ml-4 hidden md:block">
            <NavLinks links={links} />
          </nav>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <ThemeToggle />
          {user ? (
            <div className="hidden md:block">
              <UserMenu user={user} />
            </div>
          ) : null}
          {links.length ? (
            <div className="md:hidden">
              <MobileMenu links={links} user={user} />
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
