"use client";

import { ChevronDown, CircleUser } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import type { SignedInUser } from "@/lib/auth/session";
import { AccountSummary } from "./account-summary";
import { signOut } from "./sign-out";

/** The account menu of wide screens: who you are, your groups, sign out. */
export function UserMenu({ user }: { user: SignedInUser }) {
  return (
    <DropdownMenu
      label="Account"
      trigger={
        <Button variant="ghost" size="sm" data-testid="user-menu" className="max-w-56">
          <CircleUser aria-hidden="true" className="size-4" />
          <span className="sr-only">Account menu for </span>
          <span className="truncate">{user.name}</span>
          <ChevronDown aria-hidden="true" className="size-4" />
        </Button>
      }
    >
      <AccountSummary user={user} />
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => void signOut()}>Sign out</DropdownMenuItem>
    </DropdownMenu>
  );
}
