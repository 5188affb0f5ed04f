"use client";

/**
 * Tabs: switch between views of one thing (status / YAML / events), arrow keys included.
 *   <Tabs label="LoadBalancer views" tabs={[{ value: "status", label: "Status", content: … }]} />
 * Controlled use: pass value and onValueChange (e.g. to keep the tab in the URL). keepMounted
 * renders every panel and hides the inactive ones, so a half-filled form or a result survives a
 * switch of tabs.
 */
import * as RadixTabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";

export function Tabs({
  label,
  tabs,
  defaultValue,
  value,
  onValueChange,
  keepMounted,
}: {
  label: string;
  tabs: { value: string; label: ReactNode; content: ReactNode }[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
  keepMounted?: boolean;
}) {
  return (
    <RadixTabs.Root
      defaultValue={value === undefined ? (defaultValue ?? tabs[0]?.value) : undefined}
      value={value}
      onValueChange={onValueChange}
    >
      <RadixTabs.List aria-label={label} className="flex gap-1 overflow-x-auto border-b border-border">
        {tabs.map((t) => (
          <RadixTabs.Trigger
            key={t.value}
            value={t.value}
            data-tab={t.value}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content
          key={t.value}
          value={t.value}
          forceMount={keepMounted || undefined}
          className="pt-4 data-[state=inactive]:hidden"
        >
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
