import { EMPTY_BINDING_RESPONSE, encodeBindingResponse } from "./protocol";
import { checkLoopbackRedirect } from "./redirect";

/** The CLI callback URL carrying a BindingResponse. */
export function successRedirect(redirectUrl: string, sessionId: string, response: unknown): string {
  const check = checkLoopbackRedirect(redirectUrl);
  if (!check.ok) throw new Error(check.reason);
  check.url.searchParams.set("session_id", sessionId);
  check.url.searchParams.set("binding_response", encodeBindingResponse(response));
  check.url.searchParams.set("success", "true");
  return check.url.toString();
}

/** The CLI callback URL reporting an error: still with a decodable binding_response, or the CLI ignores it. */
export function errorRedirect(redirectUrl: string, sessionId: string, error: string, description: string): string {
  const check = checkLoopbackRedirect(redirectUrl);
  if (!check.ok) throw new Error(check.reason);
  check.url.searchParams.set("session_id", sessionId);
  check.url.searchParams.set("binding_response", EMPTY_BINDING_RESPONSE);
  check.url.searchParams.set("error", error);
  check.url.searchParams.set("error_description", description);
  return check.url.toString();
}
