import "server-only";
import { getExportTemplate } from "../catalog/get-template";
import { env } from "../env";
import { APIS } from "../k8s/apis";
import type { KubeClient } from "../k8s/client";
import { portalIdentityClient } from "../k8s/clusters";
import { KubeError } from "../k8s/errors";
import type { KubeObject, ResourceRef } from "../k8s/types";
import { log } from "../log";
import {
  bindableResourcesRequest,
  kubeconfigFromResponseSecret,
  kubeconfigNamespace,
  type RequestOutcome,
  requestError,
  requestOutcome,
} from "./backend-request";
import { BindingLimitError, BindStepError, NotYourBindingError } from "./bind-errors";
import { bindingResponse } from "./binding-response";
import { bindingIdentityKey } from "./naming";
import { type BindCaller, mayBindIdentity, mayReceiveBinding, overBindingLimit } from "./ownership";

export type { BindCaller } from "./ownership";

/** A binding's provider side: its namespace and the kubeconfig that works there. */
export interface ProviderBinding {
  namespace: string;
  kubeconfig: string;
}

const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Asks kube-bind's backend for the provider side of a binding: the portal creates a
 * BindableResourcesRequest in its own namespace with its own identity, the backend does the
 * handshake (namespace, ServiceAccount, ClusterBinding, RBAC, kubeconfig) and writes the
 * kubeconfig into a Secret there. Keyed by the consumer cluster's identity, or by the user when
 * none is given (v0.6 CLIs).
 *
 * Only the binding's author or a member of PORTAL_ADMIN_GROUP gets its kubeconfig: checked before
 * asking and again on the namespace the backend answers with. A user who would own more than
 * `maxBindingsPerUser` (PORTAL_MAX_BINDINGS_PER_USER) binding namespaces is refused before the
 * request exists. Throws NotYourBindingError, BindingLimitError, BindStepError or KubeError. The request (and with it the Secret it owns) is deleted afterwards,
 * whatever happened.
 */
export async function requestProviderBinding(
  caller: BindCaller,
  opts: { template: string; consumerIdentity?: string; prettyName: string; maxBindingsPerUser?: number },
): Promise<ProviderBinding> {
  const e = env();
  const max = opts.maxBindingsPerUser ?? e.PORTAL_MAX_BINDINGS_PER_USER;
  const portal = await portalIdentityClient("provider");
  const identity = bindingIdentityKey(caller.username, opts.consumerIdentity);

  const before = await portal.list(APIS.namespaces);
  if (!mayBindIdentity(before.items, identity, caller, e.PORTAL_ADMIN_GROUP)) throw new NotYourBindingError();
  const owned = overBindingLimit(before.items, identity, caller, e.PORTAL_ADMIN_GROUP, max);
  if (owned !== null) throw new BindingLimitError(owned, max);

  const requests = { ...APIS.bindableRequests, namespace: e.PORTAL_NAMESPACE };
  const created = await portal.create(
    requests,
    bindableResourcesRequest({
      namespace: e.PORTAL_NAMESPACE,
      template: opts.template,
      identity,
      prettyName: opts.prettyName,
      author: caller.username,
    }),
  );
  const ref = { ...requests, name: created.metadata.name };
  try {
    const answer = await waitForAnswer(portal, ref);
    const secret = await portal.get({
      ...APIS.secrets,
      namespace: e.PORTAL_NAMESPACE,
      name: answer.secret.name,
    });
    const kubeconfig = kubeconfigFromResponseSecret(secret, answer.secret.key);

    const namespace = await portal.get({ ...APIS.namespaces, name: answer.namespace });
    if (!mayReceiveBinding(namespace, identity, caller, e.PORTAL_ADMIN_GROUP)) throw new NotYourBindingError();
    if (kubeconfigNamespace(kubeconfig) !== answer.namespace) {
      throw new BindStepError(
        "provider",
        "InvalidResponse",
        `The provider kubeconfig from kube-bind's backend is not for namespace ${answer.namespace}.`,
      );
    }
    log.info(
      { audit: { user: caller.username, action: "bind-provider", namespace: answer.namespace, request: ref.name } },
      "provider side of the binding ready",
    );
    return { namespace: answer.namespace, kubeconfig };
  } finally {
    await portal.delete(ref, { propagationPolicy: "Background" }).catch((err: unknown) => {
      // The backend deletes it after its TTL anyway.
      if (!(err instanceof KubeError && err.notFound)) {
        log.warn(
          { bind: { request: ref.name, error: (err as Error).message } },
          "could not delete the binding request",
        );
      }
    });
  }
}

/** Polls the request until the backend answers; fails with the backend's reason or on the deadline. */
async function waitForAnswer(
  portal: KubeClient,
  ref: ResourceRef & { name: string },
): Promise<Extract<RequestOutcome, { state: "succeeded" }>> {
  const started = Date.now();
  let delay = 100;
  for (;;) {
    const outcome = requestOutcome(await portal.get<KubeObject>(ref));
    if (outcome.state === "succeeded") return outcome;
    if (outcome.state === "failed" || Date.now() - started > ANSWER_TIMEOUT_MS) {
      throw requestError(outcome, Math.round(ANSWER_TIMEOUT_MS / 1000));
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1_000);
  }
}

/**
 * The whole provider side of one bind, as the CLI, the browser and /api/bind do it: the export
 * (null when it does not exist, checked before anything is created), the binding, and the
 * BindingResponse that the CLI or the portal finishes with on the consumer.
 */
export async function bindExport(
  caller: BindCaller,
  opts: { template: string; consumerIdentity?: string; prettyName: string; requestName?: string; sessionId: string },
) {
  const template = await getExportTemplate(opts.template);
  if (!template) return null;
  const { namespace, kubeconfig } = await requestProviderBinding(caller, opts);
  const { prettyName, requestName = prettyName, sessionId } = opts;
  const response = bindingResponse({
    template,
    requestName,
    kubeconfig,
    sessionId,
    issuer: env().OIDC_ISSUER_URL,
    subject: caller.username,
    providerNamespace: namespace,
  });
  return { namespace, kubeconfig, response };
}
