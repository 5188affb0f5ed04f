// The /interaction/:uid pages oidc-provider redirects to for its "login" and "consent" prompts.
// devInteractions are off (they accept any user name), so these pages are the only way in.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { InteractionDetails } from "oidc-provider";
import { z } from "zod";
import { consentPage, errorPage, loginPage } from "./pages";
import { checkPassword, findUser } from "./users";

const LoginForm = z.object({ username: z.string().max(200).default(""), password: z.string().max(200).default("") });
const ConsentForm = z.object({ decision: z.enum(["allow", "deny"]) });

const MAX_BODY = 64 * 1024;

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) throw new Error("form body too large");
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function send(res: ServerResponse, status: number, html: string): true {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(html);
  return true;
}

const clientOf = (d: InteractionDetails) => String(d.params.client_id ?? "");

async function finishConsent(provider: Provider, req: IncomingMessage, res: ServerResponse, d: InteractionDetails) {
  const accountId = d.session?.accountId;
  if (!accountId) throw new Error("consent without a signed-in account");
  const grant =
    (d.grantId && (await provider.Grant.find(d.grantId))) || new provider.Grant({ accountId, clientId: clientOf(d) });
  const details = d.prompt.details;
  const missingScope = z.array(z.string()).optional().parse(details.missingOIDCScope);
  const missingClaims = z.array(z.string()).optional().parse(details.missingOIDCClaims);
  const missingResource = z.record(z.string(), z.array(z.string())).optional().parse(details.missingResourceScopes);
  if (missingScope) grant.addOIDCScope(missingScope.join(" "));
  if (missingClaims) grant.addOIDCClaims(missingClaims);
  for (const [indicator, scopes] of Object.entries(missingResource ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const grantId = await grant.save();
  // Only a new grant has to be handed back; an existing one was updated in place.
  await provider.interactionFinished(req, res, { consent: d.grantId ? {} : { grantId } });
}

/** Handles /interaction/* requests; returns false for every other path. */
export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith("/interaction/")) return false;
  const m = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(url.pathname);
  if (!m) return send(res, 404, errorPage("Unknown page."));
  const [, uid, action] = m;

  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(
      res,
      400,
      errorPage("This sign-in request has expired or is invalid. Start again from the application."),
    );
  }
  if (details.uid !== uid) return send(res, 400, errorPage("This sign-in request does not match."));
  const prompt = details.prompt.name;
  const clientId = clientOf(details);

  if (req.method === "GET" && !action) {
    if (prompt === "login") return send(res, 200, loginPage({ uid, clientId }));
    const user = findUser(details.session?.accountId ?? "");
    const scopes = String(details.params.scope ?? "")
      .split(" ")
      .filter(Boolean);
    return send(res, 200, consentPage({ uid, clientId, accountName: user?.name ?? "unknown", scopes }));
  }
  if (req.method !== "POST" || action !== prompt) {
    return send(res, 405, errorPage("This action is not available for this sign-in request."));
  }

  const form = await readForm(req);
  if (action === "login") {
    const { username, password } = LoginForm.parse(form);
    const user = checkPassword(username, password);
    if (!user) return send(res, 401, loginPage({ uid, clientId, username, error: "Invalid username or password" }));
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  const parsed = ConsentForm.safeParse(form);
  if (!parsed.success) return send(res, 400, errorPage("Choose Allow or Deny."));
  if (parsed.data.decision === "deny") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "End-User aborted interaction" },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  await finishConsent(provider, req, res, details);
  return true;
}
