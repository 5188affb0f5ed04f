// Signs in through the portal's real next-auth flow and the sandbox's real IdP without a browser:
// the bench needs one session cookie for hundreds of SSE clients, not a page. Cookies are kept
// like a browser does (host-wide, not per port, by path), which is what the IdP and next-auth expect.

interface Cookie {
  name: string;
  value: string;
  path: string;
}

class Jar {
  private cookies = new Map<string, Cookie>();

  store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const pathAttr = attrs.find((a) => a.toLowerCase().startsWith("path="));
      const path = pathAttr ? pathAttr.slice(5) : url.pathname.replace(/\/[^/]*$/, "") || "/";
      const expired = attrs.some((a) => /^max-age=(0|-)/i.test(a) || /^expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }
}

type Init = { form?: Record<string, string> };

/** A request, then its redirects, with cookies; returns the last response and its URL. */
async function browse(jar: Jar, url: string, init: Init = {}): Promise<{ res: Response; url: string }> {
  let current = new URL(url);
  let form = init.form;
  for (let hop = 0; hop < 20; hop++) {
    if (current.hostname !== "127.0.0.1") throw new Error(`sign-in left loopback: ${current}`);
    const headers: Record<string, string> = { cookie: jar.header(current) };
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await fetch(current, {
      method: form ? "POST" : "GET",
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: "manual",
    });
    jar.store(current, res);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return { res, url: current.toString() };
    await res.body?.cancel();
    current = new URL(location, current);
    form = undefined;
  }
  throw new Error(`too many redirects from ${url}`);
}

/**
 * Signs `user` in at the portal (next-auth: csrf, POST signin/oidc, IdP login and consent,
 * callback) and returns the Cookie header to send to the portal.
 */
export async function signIn(portalUrl: string, user: { username: string; password: string }): Promise<string> {
  const jar = new Jar();
  const { res: csrfRes } = await browse(jar, `${portalUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  let { res, url } = await browse(jar, `${portalUrl}/api/auth/signin/oidc`, {
    form: { csrfToken, callbackUrl: `${portalUrl}/api/healthz`, json: "true" },
  });
  // next-auth answers {url} to a json sign-in; follow it to the IdP.
  if (res.headers.get("content-type")?.includes("json") && url.startsWith(portalUrl)) {
    ({ res, url } = await browse(jar, ((await res.json()) as { url: string }).url));
  }
  // The IdP's pages: login form, then consent (first sign-in of this jar), then back to the portal.
  for (let page = 0; page < 4 && !url.startsWith(portalUrl); page++) {
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected IdP page at ${url} (HTTP ${res.status})`);
    const form: Record<string, string> = html.includes('name="password"')
      ? { username: user.username, password: user.password }
      : { decision: "allow" };
    ({ res, url } = await browse(jar, new URL(action.replaceAll("&amp;", "&"), url).toString(), { form }));
  }
  await res.body?.cancel();
  const cookie = jar.header(new URL(`${portalUrl}/api/live`));
  const session = await fetch(`${portalUrl}/api/auth/session`, { headers: { cookie } });
  const body = (await session.json()) as { user?: { username?: string } };
  if (!body.user) throw new Error(`sign-in of ${user.username} did not produce a session (ended at ${url})`);
  return cookie;
}
