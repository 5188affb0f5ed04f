import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KubeClient } from "../k8s/client";
import { ClusterConnection } from "../k8s/connection";
import { KubeError } from "../k8s/errors";
import { actorName, type KubeObject, PORTAL } from "../k8s/types";
import { log } from "../log";
import { kubeconfigNamespace } from "./backend-request";
import { BindStepError } from "./bind-errors";
import { KONNECTOR_NAMESPACE } from "./konnector";
import { deployKonnector, waitForKonnector } from "./konnector-deploy";

const KB = { group: "kube-bind.io", version: "v1alpha2" };
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
  const namespace = kubeconfigNamespace(kubeconfig);
  const dir = await mkdtemp(join(tmpdir(), "kube-binder-"));
  const file = join(dir, "kubeconfig");
  await writeFile(file, kubeconfig, { mode: 0o600 });
  const conn = await ClusterConnection.open({ name: "provider", kubeconfig: file });
  return {
    client: new KubeClient(conn, PORTAL),
    namespace,
    cleanup: async () => {
      await conn.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPhase(client: KubeClient, namespace: string, name: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const req = await client.get<KubeObject & { status?: { phase?: string; terminalMessage?: string } }>({
      ...KB,
      resource: "apiserviceexportrequests",
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

/**
 * What `kubectl bind` does after the browser step, done by the portal as the user on the
 * consumer: the kubeconfig Secret, the konnector (deployed unless it is there, then waited for),
 * the APIServiceExportRequest on the provider (with the binding's own kubeconfig), and the
 * APIServiceBinding. The user's consumer RBAC decides whether this is allowed.
 */
export async function finishOnConsumer(consumer: KubeClient, kubeconfig: string, request: Request): Promise<string> {
  const binder = await binderClient(kubeconfig);
  try {
    const ns = { group: "", version: "v1", resource: "namespaces" };
    try {
      await consumer.create(ns, { apiVersion: "v1", kind: "Namespace", metadata: { name: SECRET_NS } });
    } catch (e) {
      if (!(e instanceof KubeError && e.conflict)) throw e;
    }
    const secrets = { group: "", version: "v1", resource: "secrets", namespace: SECRET_NS };
    // kubectl bind names it kubeconfig-<random>; one per provider namespace is what it reuses.
    const secretName = `kubeconfig-${binder.namespace}`;
    const secret = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: secretName, namespace: SECRET_NS, labels: { "kube-bind.io/provider-kubeconfig": "true" } },
      data: { kubeconfig: Buffer.from(kubeconfig).toString("base64") },
    };
    await consumer.apply({ ...secrets, name: secretName }, secret, { fieldManager: "kube-bind-portal" });

    await deployKonnector(consumer);
    await waitForKonnector(consumer);

    const requests = { ...KB, resource: "apiserviceexportrequests", namespace: binder.namespace };
    const name = request.metadata.name;
    try {
      await binder.client.create(requests, {
        apiVersion: `${KB.group}/${KB.version}`,
        kind: "APIServiceExportRequest",
        ...request,
      });
    } catch (e) {
      // Binding again with the same name reuses the existing request.
      if (!(e instanceof KubeError && e.conflict)) throw e;
    }
    await waitForPhase(binder.client, binder.namespace, name, EXPORT_REQUEST_TIMEOUT_MS);

    const bindings = { ...KB, resource: "apiservicebindings" };
    await consumer.apply(
      { ...bindings, name },
      {
        apiVersion: `${KB.group}/${KB.version}`,
        kind: "APIServiceBinding",
        metadata: { name },
        spec: { kubeconfigSecretRef: { namespace: SECRET_NS, name: secretName, key: "kubeconfig" } },
      },
      { fieldManager: "kube-bind-portal" },
    );
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
