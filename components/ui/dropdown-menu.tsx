"use client";

/**
 * DropdownMenu: a keyboard-driven menu (arrows, Enter, Escape) behind a trigger button.
 *   <DropdownMenu trigger={<Button …>Menu</Button>} label="Navigation">
 *     <DropdownMenuLinkItem href="/catalog">Catalog</DropdownMenuLinkItem>
 *     <DropdownMenuItem onSelect={…}>Sign out</DropdownMenuItem>
 *     <DropdownMenuSeparator />
 *   </DropdownMenu>
 * Non-interactive content (a name, groups) may sit between items.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ReactNode } from "react";
import { AppLink as Link } from "@/components/ui/app-link";
import { cn } from "./cn";

const ITEM =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-fg outline-none select-none data-[highlighted]:bg-surface-sunken";

export function DropdownMenu({
  trigger,
  children,
  label,
  align = "end",
  className,
}: {
  trigger: ReactNode;
  children: ReactNode;
  label?: string;
  align?: "start" | "end";
  className?: string;
}) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          aria-label={label}
          align={align}
          sideOffset={6}
          collisionPadding={8}
          className={cn(
            "z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-border bg-surface-raised p-1.5 text-fg shadow-lg",
            className,
          )}
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export function DropdownMenuItem({ className, ...rest }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={cn(ITEM, className)} {...rest} />;
}

export function DropdownMenuLinkItem({
  href,
  children,
  current,
}: {
  href: string;
  children: ReactNode;
  current?: boolean;
}) {
  return (
    <Menu.Item asChild className={cn(ITEM, current && "font-semibold")}>
      <Link href={href} aria-current={current ? "page" : undefined}>
        {children}
      </Link>
    </Menu.Item>
  );
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-border" />;
}
