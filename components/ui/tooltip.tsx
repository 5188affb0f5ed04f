"use client";

/**
 * Tooltip: a short hint on hover and keyboard focus, for icon buttons and abbreviations.
 *   <Tooltip content="Copy"><Button size="icon" aria-label="Copy">…</Button></Tooltip>
 * The trigger must be focusable; the hint never holds information found nowhere else.
 */
import * as RadixTooltip from "@radix-ui/react-tooltip";
import type { ReactNode } from "react";

export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            sideOffset={4}
            className="z-50 max-w-xs rounded-md bg-fg px-2 py-1 text-xs text-surface shadow-md"
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
