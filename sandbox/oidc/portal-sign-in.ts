// Signs a sandbox user in at the portal without Chromium: next-auth's csrf and sign-in POST, the
// IdP's login and consent forms, the callback. For harnesses that need a session cookie, not a
// page (the benchmark's hundreds of SSE clients, HTTP-level tests).
import { FetchBrowser } from "./fetch-browser";

/** Returns the Cookie header that carries the user's portal session. */
export async function signInWithoutBrowser(
  portalUrl: string,
  user: { username: string; password: string },
): Promise<string> {
  const browser = new FetchBrowser();
  // The portal and the IdP both listen on loopback; never follow a redirect anywhere else.
  const loopback = `${new URL(portalUrl).protocol}//127.0.0.1:`;
  const { res: csrfRes } = await browser.follow(`${portalUrl}/api/auth/csrf`, loopback);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  let { res, url } = await browser.follow(`${portalUrl}/api/auth/signin/oidc`, loopback, {
    form: { csrfToken, callbackUrl: `${portalUrl}/api/healthz`, json: "true" },
  });
  // next-auth answers {url} to a json sign-in; follow it to the IdP.
  if (res.headers.get("content-type")?.includes("json") && url.startsWith(portalUrl)) {
    ({ res, url } = await browser.follow(((await res.json()) as { url: string }).url, loopback));
  }
  // The IdP's pages: login form, then consent (on a first sign-in), then back to the portal.
  for (let page = 0; page < 4 && !url.startsWith(portalUrl); page++) {
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`unexpected IdP page at ${url} (HTTP ${res.status})`);
    const form: Record<string, string> = html.includes('name="password"')
      ? { username: user.username, password: user.password }
      : { decision: "allow" };
    ({ res, url } = await browser.follow(new URL(action.replaceAll("&amp;", "&"), url).toString(), loopback, { form }));
  }
  await res.body?.cancel();
  const cookie = browser.cookieHeader(`${portalUrl}/api/live`);
  const session = await fetch(`${portalUrl}/api/auth/session`, { headers: { cookie } });
  const body = (await session.json()) as { user?: { username?: string } };
  if (!body.user) throw new Error(`sign-in of ${user.username} did not produce a session (ended at ${url})`);
  return cookie;
}
