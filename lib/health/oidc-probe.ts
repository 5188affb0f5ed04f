// Readiness asks the identity provider afresh every time: the discovery document the sign-in and
// refresh paths cache says nothing about whether the issuer answers now.
import { z } from "zod";

const Discovery = z.object({ issuer: z.string(), token_endpoint: z.url() });

/** How long a readiness probe waits for the issuer; well inside the 10 s a readiness check may take. */
export const OIDC_PROBE_TIMEOUT_MS = 3_000;

/** Fetches the issuer's discovery document now, without any cache; throws with a plain reason. */
export async function probeOidcDiscovery(issuer: string, timeoutMs = OIDC_PROBE_TIMEOUT_MS): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${issuer}/.well-known/openid-configuration`, {
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === "TimeoutError") throw new Error(`the issuer did not answer within ${timeoutMs} ms`);
    throw new Error(`the issuer is unreachable: ${(err.cause as Error | undefined)?.message ?? err.message}`);
  }
  if (!res.ok) throw new Error(`the issuer's discovery answered ${res.status}`);
  const doc = Discovery.safeParse(await res.json().catch(() => null));
  if (!doc.success) throw new Error("the issuer's discovery document is not valid");
  if (doc.data.issuer.replace(/\/+$/, "") !== issuer.replace(/\/+$/, "")) {
    throw new Error(`the discovery document names another issuer (${doc.data.issuer})`);
  }
}
