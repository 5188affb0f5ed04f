"use client";

import { useState } from "react";
import { defaultListRequest, listPage } from "@/lib/live-wire/list-page";
import type { DashboardRow } from "@/lib/status";
import { countBuckets } from "@/lib/status/buckets";
import { PagedList } from "./paged-list";

/** A list the browser already holds whole (the platform team's provider table), paged here. */
export function FilterableList<R extends DashboardRow & { clusterNamespace?: string }>({
  rows,
  label,
  provider,
}: {
  rows: R[];
  label: string;
  provider?: boolean;
}) {
  const [request, setRequest] = useState(defaultListRequest);
  return (
    <PagedList
      label={label}
      request={request}
      query={request.q}
      onQuery={(q) => setRequest({ ...request, q, after: undefined, before: undefined })}
      onRequest={setRequest}
      page={listPage(rows, request)}
      all={rows.length}
      counts={countBuckets(rows)}
      provider={provider}
    />
  );
}
