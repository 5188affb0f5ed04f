// A tiny cookie-keeping "browser" on top of fetch, for tests that drive the IdP's pages without
// Chromium. It follows redirects by hand so a test can stop at the relying party's callback.

interface Cookie {
  name: string;
  value: string;
  path: string;
}

export class FetchBrowser {
  private cookies = new Map<string, Cookie>();

  private store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttr = attrs.find((a) => a.toLowerCase().startsWith("path="));
      const path = pathAttr ? pathAttr.slice(5) : url.pathname.replace(/\/[^/]*$/, "") || "/";
      const expired = attrs.some((a) => /^max-age=(0|-)/i.test(a) || /^expires=Thu, 01 Jan 1970/i.test(a));
      const key = `${name};${path}`;
      if (expired || value === "") this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  /** The Cookie header this browser would send to `url`. */
  cookieHeader(url: string): string {
    return this.header(new URL(url));
  }

  private header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  /** One request without following redirects; cookies are sent and stored. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const headers: Record<string, string> = { cookie: this.header(u) };
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    this.store(u, res);
    return res;
  }

  /**
   * Sends a request and follows redirects while they stay below `within` (an origin or URL prefix).
   * Returns the last response and its URL; a redirect leaving `within` is returned unfollowed,
   * with `location` set.
   */
  async follow(
    url: string,
    within: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ res: Response; url: string; location?: string }> {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const loc = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !loc) return { res, url: current };
      const next = new URL(loc, current).toString();
      if (!next.startsWith(within)) return { res, url: current, location: next };
      await res.body?.cancel();
      current = next;
      res = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
