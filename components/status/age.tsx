"use client";

import { formatAge } from "@/lib/status/time";
import { useNow } from "./use-now";

/**
 * kubectl's AGE ("3m20s"), counted in the browser so a live row does not change with time alone;
 * blank until hydrated (see use-now.ts), with the exact time as the tooltip. data-volatile: it
 * changes with the clock, so screenshot comparisons hide it.
 */
export function Age({ since }: { since?: string }) {
  const now = useNow();
  const at = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(at)) return null;
  return (
    <time dateTime={since} title={new Date(at).toISOString()} className="whitespace-nowrap" data-volatile>
      {now === undefined ? "" : formatAge(now - at)}
    </time>
  );
}
