"use client";

/**
 * Tabs: switch between views of one thing (status / YAML / events), arrow keys included.
 *   <Tabs label="LoadBalancer views" tabs={[{ value: "status", label: "Status", content: … }]} />
 * Controlled use: pass value and onValueChange (e.g. to keep the tab in the URL). keepMounted
 * renders every panel and hides the inactive ones, so a half-filled form or a result survives a
 * switch of tabs.
 *
 * Radix provides the tab list (roving focus, arrows, Home/End); the panels are plain tabpanels
 * because Radix's own set an inline style, which the portal's Content-Security-Policy refuses.
 */
import * as RadixTabs from "@radix-ui/react-tabs";
import { type ReactNode, useId, useState } from "react";

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
  const base = useId();
  const [own, setOwn] = useState(defaultValue ?? tabs[0]?.value);
  const active = value ?? own;
  const ids = (v: string) => ({ tab: `${base}-tab-${v}`, panel: `${base}-panel-${v}` });
  return (
    <RadixTabs.Root
      value={active}
      onValueChange={(v) => {
        setOwn(v);
        onValueChange?.(v);
      }}
    >
      <RadixTabs.List
        aria-label={label}
        // Cancels the focus group's inline outline style: the list itself never takes focus.
        style={{ outline: undefined }}
        className="flex gap-1 overflow-x-auto border-b border-border"
      >
        {tabs.map((t) => (
          <RadixTabs.Trigger
            key={t.value}
            value={t.value}
            id={ids(t.value).tab}
            aria-controls={keepMounted || t.value === active ? ids(t.value).panel : undefined}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) =>
        keepMounted || t.value === active ? (
          <div
            key={t.value}
            role="tabpanel"
            id={ids(t.value).panel}
            aria-labelledby={ids(t.value).tab}
            hidden={t.value !== active}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is a keyboard stop, as WAI-ARIA's tabs pattern asks
            tabIndex={0}
            className="pt-4"
          >
            {t.content}
          </div>
        ) : null,
      )}
    </RadixTabs.Root>
  );
}
