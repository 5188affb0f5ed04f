"use client";

/**
 * Toasts: short notices that do not move the page (a failed action, a done action).
 * <Toaster /> is mounted once in the root layout; anywhere in a client component:
 *   toast({ tone: "danger", title: "Test request failed", description: message })
 */
import * as RadixToast from "@radix-ui/react-toast";
import { X } from "lucide-react";
import { type ReactNode, useSyncExternalStore } from "react";
import { cn } from "./cn";

interface ToastItem {
  id: number;
  tone: "info" | "success" | "danger";
  title: string;
  description?: ReactNode;
}

// A tiny module store: toast() can be called from any handler without a context.
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function toast(t: Omit<ToastItem, "id">): void {
  items = [...items, { ...t, id: nextId++ }];
  emit();
}

function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const EMPTY: ToastItem[] = [];

const TONE = {
  info: "border-accent/40",
  success: "border-success/60",
  danger: "border-danger/60",
} as const;

const noSubscribe = () => () => {};

export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  // Mounted in the browser only: Radix's viewport carries a style attribute, which server HTML
  // must not contain under a strict Content-Security-Policy (set from script, it is allowed).
  const mounted = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  if (!mounted) return null;
  return (
    <RadixToast.Provider swipeDirection="right" duration={8000}>
      {list.map((t) => (
        <RadixToast.Root
          key={t.id}
          type={t.tone === "danger" ? "foreground" : "background"}
          onOpenChange={(open) => {
            if (!open) dismiss(t.id);
          }}
          className={cn(
            "flex items-start gap-3 rounded-lg border-l-4 border bg-surface-raised p-4 text-fg shadow-lg",
            TONE[t.tone],
          )}
          data-tone={t.tone}
        >
          <div className="min-w-0 flex-1">
            <RadixToast.Title className="font-semibold">{t.title}</RadixToast.Title>
            {t.description ? (
              <RadixToast.Description className="mt-1 text-sm">{t.description}</RadixToast.Description>
            ) : null}
          </div>
          <RadixToast.Close aria-label="Dismiss" className="rounded p-1 text-muted hover:bg-surface-sunken">
            <X aria-hidden="true" className="size-4" />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
    </RadixToast.Provider>
  );
}
