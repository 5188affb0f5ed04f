import type { ClusterName } from "./types";

/**
 * The one error for every Kubernetes failure: which cluster, the HTTP status, the API's reason
 * (Forbidden, NotFound, AlreadyExists, Invalid, Conflict, …) and its message. Network failures
 * use status 0 and reason "Unreachable".
 */
export class KubeError extends Error {
  constructor(
    readonly cluster: ClusterName,
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly details?: KubeStatusDetails,
  ) {
    super(message);
    this.name = "KubeError";
  }

  get notFound() {
    return this.status === 404;
  }
  get forbidden() {
    return this.status === 403;
  }
  get conflict() {
    return this.status === 409;
  }
  get unreachable() {
    return this.status === 0;
  }

  /** Safe to show to a user: no credentials can appear in an apiserver Status message. */
  toJSON() {
    return { cluster: this.cluster, status: this.status, reason: this.reason, message: this.message };
  }
}

const hasStatus = (status: number) => (e: unknown) => e instanceof KubeError && e.status === status;
export const isNotFound = hasStatus(404);
export const isForbidden = hasStatus(403);
/** Any 409: a stale resourceVersion, or an object that already exists. */
export const isConflict = hasStatus(409);
export const isGone = hasStatus(410);
export const isAlreadyExists = (e: unknown) => isConflict(e) && (e as KubeError).reason === "AlreadyExists";

export interface KubeStatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { reason?: string; message?: string; field?: string }[];
}

/** Builds a KubeError from a response body that is (usually) a metav1.Status. */
export function kubeErrorFromResponse(cluster: ClusterName, status: number, body: unknown): KubeError {
  const s = (typeof body === "object" && body !== null ? body : {}) as {
    kind?: string;
    reason?: string;
    message?: string;
    details?: KubeStatusDetails;
  };
  if (s.kind === "Status") {
    return new KubeError(
      cluster,
      status,
      s.reason || reasonForStatus(status),
      s.message || `HTTP ${status}`,
      s.details,
    );
  }
  const text = typeof body === "string" ? body.slice(0, 300) : `HTTP ${status}`;
  return new KubeError(cluster, status, reasonForStatus(status), text);
}

export function unreachable(cluster: ClusterName, cause: unknown): KubeError {
  const code = (cause as { code?: string })?.code ?? (cause as { cause?: { code?: string } })?.cause?.code;
  const why = code ? ` (${code})` : "";
  return new KubeError(cluster, 0, "Unreachable", `the ${cluster} cluster did not answer${why}`);
}

function reasonForStatus(status: number): string {
  return (
    {
      400: "BadRequest",
      401: "Unauthorized",
      403: "Forbidden",
      404: "NotFound",
      405: "MethodNotAllowed",
      409: "Conflict",
      410: "Expired",
      422: "Invalid",
      429: "TooManyRequests",
      500: "InternalError",
      503: "ServiceUnavailable",
      504: "Timeout",
    }[status] ?? "Unknown"
  );
}
