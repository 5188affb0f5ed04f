// The kube-bind HTTP contract (v0.6–v0.8): documents, request bodies and the error format.
import { z } from "zod";

export const KUBE_BIND_API_VERSION = "kube-bind.io/v1alpha2";
/** The provider version the portal announces; the v0.6+ CLI does not check it. */
export const PROVIDER_VERSION = "v0.6.0";

export type ErrorCode =
  | "AUTHENTICATION_FAILED"
  | "AUTHORIZATION_FAILED"
  | "RESOURCE_NOT_FOUND"
  | "INTERNAL_ERROR"
  | "BAD_REQUEST"
  | "CLUSTER_CONNECTION_FAILED"
  | "PAYLOAD_TOO_LARGE";

const STATUS: Record<ErrorCode, number> = {
  AUTHENTICATION_FAILED: 401,
  AUTHORIZATION_FAILED: 403,
  RESOURCE_NOT_FOUND: 404,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_ERROR: 500,
  CLUSTER_CONNECTION_FAILED: 502,
};

/** kube-bind's structured error (v0.8 format), with the matching HTTP status. */
export function protocolError(code: ErrorCode, message: string, details = ""): Response {
  return Response.json(
    { kind: "Error", apiVersion: KUBE_BIND_API_VERSION, code, message, details },
    { status: STATUS[code], headers: NO_CACHE },
  );
}

export const NO_CACHE = {
  Expires: "Thu, 01 Jan 1970 00:00:00 UTC",
  "Cache-Control": "no-cache, no-store, must-revalidate, max-age=0",
  "X-Accel-Expires": "0",
};

export function bindingProvider(portalUrl: string, query: URLSearchParams, prettyName = "kube-bind portal") {
  const authorize = new URL(`${portalUrl}/api/authorize`);
  for (const key of ["cluster_id", "redirect_url", "session_id", "client_type", "consumer_id"]) {
    const v = query.get(key);
    if (v) authorize.searchParams.set(key, v);
  }
  return {
    kind: "BindingProvider",
    apiVersion: "v1alpha2",
    providerPrettyName: prettyName,
    version: PROVIDER_VERSION,
    authenticationMethods: [{ method: "OAuth2CodeGrant", oauth2CodeGrant: { authenticatedURL: authorize.toString() } }],
  };
}

/** RFC 1123 label, as Kubernetes object names of bindings require. */
export const Rfc1123Name = z
  .string()
  .min(1, "metadata.name is required")
  .max(63, "metadata.name must be at most 63 characters")
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    "metadata.name must be an RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit",
  );

const TemplateRef = z.object({ name: z.string().min(1, "templateRef.name is required") });

/**
 * A consumer cluster's identity as `kubectl bind` sends it (the UID of its kube-system namespace,
 * or --cluster-identity). Never `user:…`: that is how bindings keyed by a user are named.
 */
export const ConsumerIdentity = z
  .string()
  .max(256, "the cluster identity must be at most 256 characters")
  .refine((v) => !v.startsWith("user:"), "the cluster identity may not start with user:");

/** Both body shapes of POST /api/bind: v0.6 `{metadata, templateRef}` and v0.7+ `{metadata, spec}`. */
export const BindRequest = z
  .object({
    metadata: z.object({ name: Rfc1123Name }),
    templateRef: TemplateRef.optional(),
    spec: z
      .object({
        templateRef: TemplateRef,
        clusterIdentity: z
          .object({ identity: ConsumerIdentity, prettyName: z.string().max(256).optional() })
          .optional(),
        author: z.string().max(256).optional(),
      })
      .optional(),
  })
  .transform((body, ctx) => {
    const templateRef = body.spec?.templateRef ?? body.templateRef;
    if (!templateRef) {
      ctx.addIssue({ code: "custom", message: "templateRef.name (v0.6) or spec.templateRef.name (v0.7+) is required" });
      return z.NEVER;
    }
    return {
      name: body.metadata.name,
      template: templateRef.name,
      clusterIdentity: body.spec?.clusterIdentity?.identity || undefined,
      prettyName: body.spec?.clusterIdentity?.prettyName || undefined,
      author: body.spec?.author,
    };
  });
export type BindRequest = z.output<typeof BindRequest>;

/** UTF-8 JSON → base64url WITH padding, as Go's base64.URLEncoding that the CLI decodes. */
export function encodeBindingResponse(response: unknown): string {
  const encoded = Buffer.from(JSON.stringify(response), "utf8").toString("base64url");
  return encoded.padEnd(Math.ceil(encoded.length / 4) * 4, "=");
}

/** The payload the CLI needs to report an error: an empty JSON object. */
export const EMPTY_BINDING_RESPONSE = "e30=";
