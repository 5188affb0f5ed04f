"use client";

// The toasts on screen, with Radix's toast engine: loaded by <Toaster /> (toast.tsx) when there is
// one to show.
import * as RadixToast from "@radix-ui/react-toast";
import { X } from "lucide-react";
import { cn } from "./cn";
import { dismiss, type ToastItem } from "./toast";

const TONE = {
  info: "border-accent/40",
  success: "border-success/60",
  danger: "border-danger/60",
} as const;

export function ToastList({ items: list }: { items: ToastItem[] }) {
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
