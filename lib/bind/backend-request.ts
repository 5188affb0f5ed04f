// kube-bind's BindableResourcesRequest API, which the portal binds through: the request the portal
// creates, what its status means, and the binding response Secret the backend writes. Pure.
//
// The backend (run with --frontend-disabled) answers a request by doing the provider handshake for
// the request's cluster identity (namespace, ClusterBinding, kube-binder ServiceAccount and RBAC,
// kubeconfig) and writing a Secret in the request's namespace, owned by the request, whose key
// holds JSON `{"kubeconfig": "<base64 kubeconfig>", …}`. status.phase becomes Succeeded (with
// status.namespace and status.kubeconfigSecretRef) or Failed (an unknown template). When the
// handshake itself fails the phase stays empty and the Ready condition says why, and the backend
// retries.
import { parse } from "yaml";
import { z } from "zod";
import { Request } from "../k8s/models";
import { BindStepError } from "./bind-errors";
import { KUBE_BIND_API_VERSION } from "./protocol";

/** How long the backend keeps a finished request (the portal deletes it itself right away). */
const TTL_AFTER_FINISHED = "10m";

/** The BindableResourcesRequest the portal creates in its own namespace for one bind. */
export function bindableResourcesRequest(opts: {
  namespace: string;
  template: string;
  identity: string;
  prettyName: string;
  author: string;
}) {
  return {
    apiVersion: KUBE_BIND_API_VERSION,
    kind: "BindableResourcesRequest",
    metadata: {
      generateName: "bind-",
      namespace: opts.namespace,
      labels: { "app.kubernetes.io/managed-by": "kube-bind-portal" },
    },
    spec: {
      templateRef: { name: opts.template },
      clusterIdentity: { identity: opts.identity, prettyName: opts.prettyName },
      author: opts.author,
      ttlAfterFinished: TTL_AFTER_FINISHED,
    },
  };
}

/** The backend's answer: the provider namespace and the Secret with the kubeconfig, once there. */
const RequestObject = Request.extend({
  status: Request.shape.status
    .unwrap()
    .extend({
      namespace: z.string().optional(),
      kubeconfigSecretRef: z.object({ name: z.string().min(1), key: z.string().min(1) }).optional(),
    })
    .optional(),
});

export type RequestOutcome =
  /** not answered yet; reason and message of the Ready condition if the backend set one */
  | { state: "pending"; reason?: string; message?: string }
  | { state: "succeeded"; namespace: string; secret: { name: string; key: string } }
  | { state: "failed"; reason: string; message: string };

/** What a BindableResourcesRequest read back from the provider says. */
export function requestOutcome(raw: unknown): RequestOutcome {
  const parsed = RequestObject.safeParse(raw);
  if (!parsed.success) {
    throw new BindStepError(
      "provider",
      "InvalidResponse",
      "kube-bind's backend wrote a binding request status the portal cannot read.",
    );
  }
  const status = parsed.data.status ?? {};
  const ready = status.conditions?.find((c) => c.type === "Ready");
  if (status.phase === "Succeeded") {
    if (!status.namespace || !status.kubeconfigSecretRef) {
      throw new BindStepError(
        "provider",
        "InvalidResponse",
        "kube-bind's backend reported the binding request as done but named no provider namespace or Secret.",
      );
    }
    return { state: "succeeded", namespace: status.namespace, secret: status.kubeconfigSecretRef };
  }
  if (status.phase === "Failed") {
    return { state: "failed", reason: ready?.reason ?? "Failed", message: ready?.message || "no reason given" };
  }
  return ready?.status === "False"
    ? { state: "pending", reason: ready.reason, message: ready.message }
    : { state: "pending" };
}

/** The user-facing error for a request that failed or was not answered in time. */
export function requestError(outcome: RequestOutcome, waitedSeconds: number): BindStepError {
  if (outcome.state === "failed") {
    return new BindStepError(
      "provider",
      outcome.reason,
      `kube-bind's backend refused the binding: ${outcome.message}.`,
    );
  }
  if (outcome.state === "pending" && outcome.message) {
    return new BindStepError(
      "provider",
      outcome.reason ?? "Timeout",
      `kube-bind's backend could not set up the binding within ${waitedSeconds} s: ${outcome.message}.`,
    );
  }
  return new BindStepError(
    "provider",
    "Timeout",
    `kube-bind's backend did not answer the binding request within ${waitedSeconds} s. Is it running on the provider?`,
  );
}

const ResponseSecret = z.object({ data: z.record(z.string(), z.string()).optional() });
const BindingResourceResponse = z.looseObject({ kubeconfig: z.string().min(1) });

const invalidSecret = (why: string) =>
  new BindStepError("provider", "InvalidResponse", `The binding response Secret of kube-bind's backend ${why}.`);

/**
 * The provider kubeconfig from the backend's binding response Secret: `data[key]` is base64 of
 * JSON whose `kubeconfig` is base64 of the kubeconfig (Go's encoding of bytes).
 */
export function kubeconfigFromResponseSecret(secret: unknown, key: string): string {
  const encoded = ResponseSecret.safeParse(secret).data?.data?.[key];
  if (!encoded) throw invalidSecret(`has no ${key} entry`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
  } catch {
    throw invalidSecret(`holds no JSON in ${key}`);
  }
  const response = BindingResourceResponse.safeParse(json);
  if (!response.success) throw invalidSecret("holds no kubeconfig");
  const kubeconfig = Buffer.from(response.data.kubeconfig, "base64").toString("utf8");
  kubeconfigNamespace(kubeconfig);
  return kubeconfig;
}

const Kubeconfig = z.object({
  "current-context": z.string().optional(),
  clusters: z.array(z.object({ name: z.string(), cluster: z.object({ server: z.string() }).optional() })).optional(),
  contexts: z
    .array(
      z.object({
        name: z.string(),
        context: z.object({ cluster: z.string().optional(), namespace: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});

/** The current context of a binding's provider kubeconfig and the server of its cluster. */
function currentContext(kubeconfig: string): { namespace?: string; server?: string } {
  let doc: unknown;
  try {
    doc = parse(kubeconfig);
  } catch {
    doc = undefined;
  }
  const parsed = Kubeconfig.safeParse(doc);
  if (!parsed.success)
    throw new BindStepError(
      "provider",
      "InvalidResponse",
      "The provider kubeconfig from kube-bind's backend is not a kubeconfig.",
    );
  const { contexts, clusters, "current-context": current } = parsed.data;
  const context = (current === undefined ? contexts[0] : contexts.find((c) => c.name === current))?.context;
  const server = clusters?.find((c) => c.name === context?.cluster)?.cluster?.server;
  return { namespace: context?.namespace, server };
}

/**
 * The namespace a binding's provider kubeconfig works in: its current context's (the backend always
 * sets it, and the konnector and the CLI need it).
 */
export function kubeconfigNamespace(kubeconfig: string): string {
  const { namespace } = currentContext(kubeconfig);
  if (!namespace) {
    throw new BindStepError(
      "provider",
      "InvalidResponse",
      "The provider kubeconfig from kube-bind's backend sets no namespace in its current context.",
    );
  }
  return namespace;
}

/** The provider server a binding's kubeconfig talks to (undefined when it names none). */
export function kubeconfigServer(kubeconfig: string): string | undefined {
  return currentContext(kubeconfig).server;
}
