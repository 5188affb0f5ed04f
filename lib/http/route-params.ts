// The dynamic segments of the portal's pages are Kubernetes names. One that breaks the name
// rules can name nothing, so it gets 404 before the page runs: pages stream behind a loading
// boundary, and a page's own notFound() would come after a 200 status was sent. Pure.
import { dns1123Label, dns1123Subdomain } from "../forms/kubernetes-rules";

type Check = (value: string) => string | null;

/** Each page with dynamic segments: its path pattern and the rule of each segment. */
const PAGES: { pattern: RegExp; checks: Check[] }[] = [
  { pattern: /^\/catalog\/([^/]+)$/, checks: [dns1123Subdomain] },
  { pattern: /^\/loadbalancers\/([^/]+)\/([^/]+)$/, checks: [dns1123Label, dns1123Subdomain] },
  { pattern: /^\/apis\/([^/]+)\/([^/]+)\/([^/]+)$/, checks: [dns1123Subdomain, dns1123Label, dns1123Label] },
  { pattern: /^\/provider\/consumers\/([^/]+)$/, checks: [dns1123Label] },
];

/** Why `pathname` (as sent, percent-encoded) names nothing, or null when its segments are names. */
export function badPageParam(pathname: string): string | null {
  for (const { pattern, checks } of PAGES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    for (const [i, check] of checks.entries()) {
      let value: string;
      try {
        value = decodeURIComponent(match[i + 1]);
      } catch {
        return "The address contains malformed percent-encoding";
      }
      const problem = check(value);
      if (problem) return problem;
    }
    return null;
  }
  return null;
}
