import "server-only";
import { APIS, KUBE_BIND } from "../k8s/apis";
import { KubeClient } from "../k8s/client";
import { ClusterConnection } from "../k8s/connection";
import { KubeError } from "../k8s/errors";
import { actorName, type KubeObject, PORTAL } from "../k8s/types";
import { log } from "../log";
import { sameJson } from "../status/same-json";
import { kubeconfigNamespace, kubeconfigServer } from "./backend-request";
import { BindStepError } from "./bind-errors";
import { KONNECTOR_NAMESPACE } from "./konnector";
import { deployKonnector, waitForKonnector } from "./konnector-deploy";

const SECRET_NS = KONNECTOR_NAMESPACE;
const EXPORT_REQUEST_TIMEOUT_MS = 60_000;

interface Request {
  metadata: { name: string };
  spec: Record<string, unknown>;
}

/** A client for the provider with the binding's kubeconfig (the backend's kube-binder ServiceAccount). */
async function binderClient(
  kubeconfig: string,
): Promise<{ client: KubeClient; namespace: string; cleanup(): Promise<void> }> {
  const conn = ClusterConnection.fromKubeconfig("provider", kubeconfig, log);
  return {
    client: new KubeClient(conn, PORTAL),
    namespace: kubeconfigNamespace(kubeconfig),
    cleanup: () => conn.close(),
  };
}

async function waitForPhase(client: KubeClient, namespace: string, name: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const req = await client.get<KubeObject & { status?: { phase?: string; terminalMessage?: string } }>({
      ...APIS.exportRequests,
      namespace,
      name,
    });
    if (req.status?.phase === "Succeeded") return;
    if (req.status?.phase === "Failed") {
      throw new BindStepError(
        "export-request",
        "Failed",
        `The provider refused the binding: ${req.status.terminalMessage ?? "no reason given"}.`,
      );
    }
    if (Date.now() > deadline) {
      throw new BindStepError(
        "export-request",
        "Timeout",
        `The provider did not accept the export request ${name} within ${Math.round(timeoutMs / 1000)} s. Is its kube-bind backend running?`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

const SECRETS = { ...APIS.secrets, namespace: KONNECTOR_NAMESPACE };
const PROVIDER_KUBECONFIG_LABEL = "kube-bind.io/provider-kubeconfig";

/**
 * The consumer Secrets (labelled as kubectl bind labels them) holding a kubeconfig for the same
 * provider server and namespace: kubectl bind names its own kubeconfig-<random> and reuses it.
 */
async function providerSecrets(consumer: KubeClient, kubeconfig: string, namespace: string): Promise<string[]> {
  const server = kubeconfigServer(kubeconfig);
  const labelled = await consumer.list<KubeObject & { data?: Record<string, string> }>(SECRETS, {
    labelSelector: `${PROVIDER_KUBECONFIG_LABEL}=true`,
  });
  return labelled.items
    .filter((s) => {
      const text = Buffer.from(s.data?.kubeconfig ?? "", "base64").toString("utf8");
      try {
        return kubeconfigNamespace(text) === namespace && kubeconfigServer(text) === server;
      } catch {
        return false; // not a binding kubeconfig: leave it alone
      }
    })
    .map((s) => s.metadata.name);
}

async function createKubeconfigSecret(consumer: KubeClient, kubeconfig: string, namespace: string): Promise<string> {
  const name = `kubeconfig-${namespace}`;
  await consumer.apply(
    { ...SECRETS, name },
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name, namespace: SECRET_NS, labels: { [PROVIDER_KUBECONFIG_LABEL]: "true" } },
      data: { kubeconfig: Buffer.from(kubeconfig).toString("base64") },
    },
    { fieldManager: "kube-bind-portal" },
  );
  return name;
}

/**
 * The APIServiceBinding that already binds this export through the same provider binding: one
 * using a kubeconfig Secret for it whose export request (on the provider) asks for the same
 * resources.
 */
async function bindingOfExport(
  consumer: KubeClient,
  binder: { client: KubeClient; namespace: string },
  secretNames: string[],
  request: Request,
): Promise<string | undefined> {
  const bindings = await consumer.list<KubeObject & { spec?: { kubeconfigSecretRef?: { name?: string } } }>(
    APIS.apiServiceBindings,
  );
  for (const b of bindings.items) {
    if (!secretNames.includes(b.spec?.kubeconfigSecretRef?.name ?? "")) continue;
    const theirs = await binder.client
      .get<KubeObject>({
        ...APIS.exportRequests,
        namespace: binder.namespace,
        name: b.metadata.name,
      })
      .catch((e: unknown) => {
        if (e instanceof KubeError && e.notFound) return undefined;
        throw e;
      });
    const spec = theirs?.spec as { resources?: unknown } | undefined;
    if (spec && sameJson(spec.resources, request.spec.resources)) return b.metadata.name;
  }
  return undefined;
}

/**
 * What `kubectl bind` does after the browser step, done by the portal as the user on the
 * consumer: the kubeconfig Secret, the konnector (deployed unless it is there, then waited for),
 * the APIServiceExportRequest on the provider (with the binding's own kubeconfig), and the
 * APIServiceBinding. The user's consumer RBAC decides whether this is allowed.
 */
export async function finishOnConsumer(consumer: KubeClient, kubeconfig: string, request: Request): Promise<string> {
  const binder = await binderClient(kubeconfig);
  try {
    try {
      await consumer.create(APIS.namespaces, { apiVersion: "v1", kind: "Namespace", metadata: { name: SECRET_NS } });
    } catch (e) {
      if (!(e instanceof KubeError && e.conflict)) throw e;
    }
    await deployKonnector(consumer);
    await waitForKonnector(consumer);

    // Bound already (by kubectl bind or an earlier bind here): a second APIServiceBinding of the
    // same export would never become Ready, because the first one owns the CRD.
    const known = await providerSecrets(consumer, kubeconfig, binder.namespace);
    const existing = await bindingOfExport(consumer, binder, known, request);
    if (existing) return existing;
    const secretName = known[0] ?? (await createKubeconfigSecret(consumer, kubeconfig, binder.namespace));

    const requests = { ...APIS.exportRequests, namespace: binder.namespace };
    const name = request.metadata.name;
    try {
      await binder.client.create(requests, {
        apiVersion: `${KUBE_BIND.group}/${KUBE_BIND.version}`,
        kind: "APIServiceExportRequest",
        ...request,
      });
    } catch (e) {
      // Binding again with the same name reuses the existing request.
      if (!(e instanceof KubeError && e.conflict)) throw e;
    }
    await waitForPhase(binder.client, binder.namespace, name, EXPORT_REQUEST_TIMEOUT_MS);

    try {
      await consumer.create(APIS.apiServiceBindings, {
        apiVersion: `${KUBE_BIND.group}/${KUBE_BIND.version}`,
        kind: "APIServiceBinding",
        metadata: { name },
        spec: { kubeconfigSecretRef: { namespace: SECRET_NS, name: secretName, key: "kubeconfig" } },
      });
    } catch (e) {
      if (!(e instanceof KubeError && e.conflict)) throw e;
      throw new BindStepError(
        "binding",
        "NameTaken",
        `Your cluster already has an APIServiceBinding named ${name} for something else; choose another binding name.`,
      );
    }
    log.info(
      {
        audit: {
          user: actorName(consumer.actor),
          action: "finish-binding",
          binding: name,
          providerNamespace: binder.namespace,
        },
      },
      "binding finished on the consumer",
    );
    return name;
  } finally {
    await binder.cleanup();
  }
}
