"use client";

import { usePathname } from "next/navigation";
import { AppLink as Link } from "@/components/ui/app-link";
import { cn } from "@/components/ui/cn";
import { isActive, type NavItem } from "./nav-items";

/** The main links in a row (wide screens); the current page is marked for screen readers too. */
export function NavLinks({ links }: { links: NavItem[] }) {
  // null only on a Pages Router page; the portal has none (pages/ holds one API route)
  const path = usePathname() ?? "/";
  return (
    <ul className="flex gap-1">
      {links.map((l) => {
        const active = isActive(l.href, path);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                active ? "bg-surface-sunken text-fg" : "text-muted hover:bg-surface-sunken hover:text-fg",
              )}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
