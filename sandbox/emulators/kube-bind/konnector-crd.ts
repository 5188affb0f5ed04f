// The consumer-side CRD the konnector installs on start (upstream ships its own schema; ours is
// authored for the sandbox: same group, kind, plural, scope, short name, category and printer
// columns, open spec/status with a status subresource, like sandbox/manifests/kube-bind-crds.yaml).
import { type KubeClient, resourcePath } from "./client";
import { R, VERSION } from "./naming";
import type { Crd } from "./types";

const open = { type: "object", "x-kubernetes-preserve-unknown-fields": true };

export const BINDING_CRD: Crd = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "apiservicebindings.kube-bind.io" },
  spec: {
    group: "kube-bind.io",
    scope: "Cluster",
    names: {
      kind: "APIServiceBinding",
      listKind: "APIServiceBindingList",
      plural: "apiservicebindings",
      singular: "apiservicebinding",
      shortNames: ["sb"],
      categories: ["kube-bindings"],
    },
    versions: [
      {
        name: VERSION,
        served: true,
        storage: true,
        subresources: { status: {} },
        additionalPrinterColumns: [
          { name: "Provider", type: "string", jsonPath: ".status.providerPrettyName" },
          {
            name: "Resources",
            type: "string",
            priority: 1,
            jsonPath: ".metadata.annotations.kube-bind\\.io/resources",
          },
          { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
          { name: "Message", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].message' },
          { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
        ],
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: {
              apiVersion: { type: "string" },
              kind: { type: "string" },
              metadata: { type: "object" },
              spec: open,
              status: open,
            },
          },
        },
      },
    ],
  },
};

export const isEstablished = (crd: Crd | undefined) =>
  Boolean(crd?.status?.conditions?.some((c) => c.type === "Established" && c.status === "True"));

/** Applies the APIServiceBinding CRD and waits (polling, bounded) until the API server serves it. */
export async function ensureBindingCrd(client: KubeClient, timeoutMs = 30_000): Promise<void> {
  const path = resourcePath(R.crds, undefined, BINDING_CRD.metadata.name);
  await client.apply(path, BINDING_CRD);
  const deadline = Date.now() + timeoutMs;
  while (!isEstablished(await client.get<Crd>(path))) {
    if (Date.now() > deadline) throw new Error(`CRD ${BINDING_CRD.metadata.name} not established in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
