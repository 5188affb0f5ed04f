import { KubeError } from "../k8s/errors";
import { log } from "../log";
import { BindingLimitError, BindStepError, NotYourBindingError } from "./bind-errors";
import { protocolError } from "./protocol";

/** Maps a failure inside a kube-bind route to the structured error with the right status. */
export function protocolFailure(e: unknown, action: string): Response {
  if (e instanceof NotYourBindingError || e instanceof BindingLimitError)
    return protocolError("AUTHORIZATION_FAILED", e.message);
  if (e instanceof BindStepError) {
    if (e.reason === "TemplateNotFound")
      return protocolError("RESOURCE_NOT_FOUND", `${action}: the template does not exist`, e.message);
    return protocolError("INTERNAL_ERROR", `${action} failed`, e.message);
  }
  if (e instanceof KubeError) {
    if (e.unreachable)
      return protocolError(
        "CLUSTER_CONNECTION_FAILED",
        `${action}: the ${e.cluster} cluster is unreachable`,
        e.message,
      );
    if (e.forbidden)
      return protocolError("AUTHORIZATION_FAILED", `${action}: forbidden on the ${e.cluster} cluster`, e.message);
    if (e.notFound) return protocolError("RESOURCE_NOT_FOUND", `${action}: not found`, e.message);
    return protocolError("INTERNAL_ERROR", `${action} failed`, `${e.status} ${e.reason}: ${e.message}`);
  }
  log.error({ err: { message: (e as Error)?.message }, action }, "kube-bind route failed");
  return protocolError("INTERNAL_ERROR", `${action} failed`, (e as Error)?.message ?? "");
}
