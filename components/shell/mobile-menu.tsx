"use client";

import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLinkItem,
  DropdownMenuSeparator,
} from "@/components/ui/dropdown-menu";
import type { SignedInUser } from "@/lib/auth/session";
import { AccountSummary } from "./account-summary";
import { isActive, type NavItem } from "./nav-items";
import { signOut } from "./sign-out";

/** Below 768 px the header's links and account fold into this one menu (arrows, Enter, Escape). */
export function MobileMenu({ links, user }: { links: NavItem[]; user: SignedInUser | null }) {
  // null only on a Pages Router page; the portal has none (pages/ holds one API route)
  const path = usePathname() ?? "/";
  return (
    <DropdownMenu
      label="Menu"
      trigger={
        <Button variant="ghost" size="icon" aria-label="Open menu" data-testid="mobile-menu">
          <Menu aria-hidden="true" className="size-5" />
        </Button>
      }
    >
      {links.map((l) => (
        <DropdownMenuLinkItem key={l.href} href={l.href} current={isActive(l.href, path)}>
          {l.label}
        </DropdownMenuLinkItem>
      ))}
      {user ? (
        <>
          <DropdownMenuSeparator />
          <AccountSummary user={user} />
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void signOut()}>Sign out</DropdownMenuItem>
        </>
      ) : null}
    </DropdownMenu>
  );
}
