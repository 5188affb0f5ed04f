"use client";

import { useEffect, useState } from "react";
import { LiveViewFrame } from "@/components/status/live-view-frame";
import type { ListView } from "@/lib/live/types";
import { formatListQuery, type ListRequest, listSub } from "@/lib/live-wire/list-page";
import type { LiveError } from "@/lib/live-wire/live-protocol";
import { NoLoadBalancers } from "./no-loadbalancers";
import { PagedList } from "./paged-list";

/** How long typing pauses before the search asks the server (one stream per pause, not per key). */
const SEARCH_PAUSE_MS = 250;

/**
 * The user's LoadBalancers, one page at a time, kept current by the page's live stream: the
 * server sorts, filters, searches and pages (the request is the page's live sub), so the browser
 * holds only the page. The request lives in the URL (?sort=&dir=&stage=&q=&after=|before=):
 * a reload or a shared link opens the same page.
 */
export function LiveLoadBalancerList({
  initialRequest,
  initial,
  resume,
  initialProblem,
}: {
  /** the request the page's URL made, which `initial` answers */
  initialRequest: ListRequest;
  initial?: ListView;
  /** the hash of `initial` the server remembered: the stream then starts from it */
  resume?: string;
  initialProblem?: LiveError;
}) {
  const [request, setRequest] = useState(initialRequest);
  const [query, setQuery] = useState(initialRequest.q);
  const sub = listSub(request);
  const first = sub === listSub(initialRequest);

  useEffect(() => {
    const search = formatListQuery(request);
    const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", url);
  }, [request]);

  useEffect(() => {
    const q = query.trim();
    if (q === request.q) return;
    const timer = setTimeout(
      () => setRequest((r) => ({ ...r, q, after: undefined, before: undefined })),
      SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [query, request.q]);

  return (
    <LiveViewFrame
      sub={sub}
      initial={first ? initial : undefined}
      resume={first ? resume : undefined}
      initialProblem={initialProblem}
      className="gap-4"
    >
      {(view: ListView, pending) =>
        view.all === 0 ? (
          <NoLoadBalancers namespaces={view.namespaces} />
        ) : (
          <section aria-labelledby="yours-heading" className="flex flex-col gap-3">
            <h2 id="yours-heading" className="sr-only">
              Your LoadBalancers
            </h2>
            <PagedList
              label="Your LoadBalancers"
              request={request}
              query={query}
              onQuery={setQuery}
              onRequest={setRequest}
              page={view}
              all={view.all}
              counts={view.counts}
              pending={pending}
            />
          </section>
        )
      }
    </LiveViewFrame>
  );
}
