import { randomUUID } from "node:crypto";
import { BodyTooLargeError, readLimitedBody } from "@/lib/bind/body";
import { authenticate } from "@/lib/bind/caller";
import { protocolFailure } from "@/lib/bind/errors";
import { BindRequest, ConsumerIdentity, NO_CACHE, protocolError } from "@/lib/bind/protocol";
import { bindExport } from "@/lib/bind/provision";

export const dynamic = "force-dynamic";

/**
 * `kubectl bind apiservice` and the browser: kube-bind's backend does the provider handshake
 * (lib/bind/provision.ts), then the portal answers with a BindingResponse.
 */
export async function POST(req: Request) {
  const caller = await authenticate(req);
  if (!caller) return protocolError("AUTHENTICATION_FAILED", "a valid token or session is required");
  let text: string;
  try {
    text = await readLimitedBody(req);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return protocolError("PAYLOAD_TOO_LARGE", "the body must be at most 1 MiB");
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return protocolError("BAD_REQUEST", "the body must be JSON");
  }
  const parsed = BindRequest.safeParse(json);
  if (!parsed.success) {
    return protocolError("BAD_REQUEST", "invalid bind request", parsed.error.issues.map((i) => i.message).join("; "));
  }
  const request = parsed.data;
  const url = new URL(req.url);
  const consumerId = ConsumerIdentity.optional().safeParse(url.searchParams.get("consumer_id") || undefined);
  if (!consumerId.success) {
    return protocolError(
      "BAD_REQUEST",
      "invalid consumer_id",
      consumerId.error.issues.map((i) => i.message).join("; "),
    );
  }
  try {
    // Checked before anything is created, unlike upstream.
    const bound = await bindExport(caller, {
      template: request.template,
      consumerIdentity: consumerId.data || request.clusterIdentity,
      prettyName: request.prettyName ?? request.name,
      requestName: request.name,
      sessionId: url.searchParams.get("session_id") ?? randomUUID(),
    });
    if (!bound) return protocolError("RESOURCE_NOT_FOUND", `template ${request.template} does not exist`);
    return Response.json(bound.response, { headers: NO_CACHE });
  } catch (e) {
    return protocolFailure(e, "binding");
  }
}
