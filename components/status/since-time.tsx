"use client";

import { formatAge } from "@/lib/status/time";
import { useNow } from "./use-now";

/**
 * "3m20s ago", with the exact time as the element's machine-readable value and tooltip.
 * data-volatile: it changes with the clock, so screenshot comparisons hide it.
 */
export function SinceTime({ iso, prefix = "" }: { iso?: string; prefix?: string }) {
  const now = useNow();
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const exact = new Date(at)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  return (
    <time dateTime={iso} title={exact} className="whitespace-nowrap" data-volatile>
      {prefix}
      {now === undefined ? exact : `${formatAge(now - at)} ago`}
    </time>
  );
}
