// The deploy manifests apply cleanly to the sandbox's clusters, and the portal's ServiceAccount
// gets exactly the rights the manifests describe on each (checked by the apiserver).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { bindableResourcesRequest } from "../lib/bind/backend-request";
import { APIS } from "../lib/k8s/apis";
import { KubeError } from "../lib/k8s/errors";
import type { KubeObject, ResourceRef } from "../lib/k8s/types";
import { HEADER_POLICY, POLICY_CONFIGMAP, REFUSED, TARGET_POLICY } from "../lib/loadbalancer/policy";
import { randomSuffix, sandboxClient } from "../test-support/k8s";

const PORTAL_SA = "system:serviceaccount:kube-bind-portal:kube-bind-portal";
const PORTAL_NS = "kube-bind-portal";
const BRR = { group: "kube-bind.io", resource: "bindableresourcesrequests" };

const kind = (group: string, resource: string, namespaced: boolean) => ({ group, version: "v1", resource, namespaced });
const RBAC = "rbac.authorization.k8s.io";
const ADMISSION = "admissionregistration.k8s.io";
const KINDS: Record<string, Omit<ResourceRef, "namespace" | "name"> & { namespaced: boolean }> = {
  Namespace: kind("", "namespaces", false),
  ServiceAccount: kind("", "serviceaccounts", true),
  ConfigMap: kind("", "configmaps", true),
  Service: kind("", "services", true),
  Deployment: kind("apps", "deployments", true),
  PodDisruptionBudget: kind("policy", "poddisruptionbudgets", true),
  ClusterRole: kind(RBAC, "clusterroles", false),
  ClusterRoleBinding: kind(RBAC, "clusterrolebindings", false),
  Role: kind(RBAC, "roles", true),
  RoleBinding: kind(RBAC, "rolebindings", true),
  ValidatingAdmissionPolicy: kind(ADMISSION, "validatingadmissionpolicies", false),
  ValidatingAdmissionPolicyBinding: kind(ADMISSION, "validatingadmissionpolicybindings", false),
};

function manifests(dir: string): KubeObject[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), "utf8")).map((d) => d.toJSON() as KubeObject))
    .filter(Boolean);
}

async function sar(attrs: Record<string, string>, cluster: "provider" | "consumer" = "provider") {
  const admin = await sandboxClient(cluster, "admin");
  const review = await admin.create<KubeObject & { status: { allowed: boolean } }>(
    { group: "authorization.k8s.io", version: "v1", resource: "subjectaccessreviews" },
    {
      apiVersion: "authorization.k8s.io/v1",
      kind: "SubjectAccessReview",
      spec: { user: PORTAL_SA, groups: ["system:serviceaccounts"], resourceAttributes: attrs },
    },
  );
  return review.status.allowed;
}

async function applyManifests(cluster: "provider" | "consumer") {
  const admin = await sandboxClient(cluster, "admin");
  const objects = manifests(join(__dirname, cluster));
  // Namespaces first, so that the namespaced objects have theirs (as the sandbox applies them).
  objects.sort((a, b) => Number(b.kind === "Namespace") - Number(a.kind === "Namespace"));
  for (const obj of objects) {
    const kind = KINDS[obj.kind];
    expect(kind, `unknown kind ${obj.kind}`).toBeDefined();
    const ref = { ...kind, namespace: kind.namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name };
    // The same field manager as the sandbox, as an operator re-applying the manifests would.
    const applied = await admin.apply(ref, obj, { fieldManager: "kube-bind-portal-sandbox" });
    expect(applied.metadata.name).toBe(obj.metadata.name);
  }
  return objects;
}

describe("deploy/consumer manifests", () => {
  const consumerSar = (attrs: Record<string, string>) => sar(attrs, "consumer");

  it("apply cleanly to the consumer cluster", async () => {
    const objects = await applyManifests("consumer");
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(["ClusterRole", "Role", "RoleBinding"]));
  });

  it("let the portal impersonate and read namespace names, as before", async () => {
    expect(await consumerSar({ verb: "impersonate", resource: "users" })).toBe(true);
    expect(await consumerSar({ verb: "impersonate", resource: "groups" })).toBe(true);
    expect(await consumerSar({ verb: "list", resource: "namespaces" })).toBe(true);
  });

  it("let the portal read the konnector's Deployment in kube-bind, and no other workload", async () => {
    const deployments = { group: "apps", resource: "deployments" };
    for (const verb of ["get", "list", "watch"])
      expect(await consumerSar({ verb, ...deployments, namespace: "kube-bind" })).toBe(true);
    for (const verb of ["create", "update", "patch", "delete"])
      expect(await consumerSar({ verb, ...deployments, namespace: "kube-bind" })).toBe(false);
    expect(await consumerSar({ verb: "list", ...deployments, namespace: "default" })).toBe(false);
    expect(await consumerSar({ verb: "list", ...deployments })).toBe(false);
    expect(await consumerSar({ verb: "list", resource: "secrets", namespace: "kube-bind" })).toBe(false);
    expect(await consumerSar({ verb: "get", resource: "pods", namespace: "kube-bind" })).toBe(false);
    expect(await consumerSar({ verb: "list", group: "networking.kro.run", resource: "loadbalancers" })).toBe(false);
  });
});

describe("deploy/ manifests", () => {
  it("apply cleanly to the provider cluster", async () => {
    const objects = await applyManifests("provider");
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(["Deployment", "ClusterRole", "Service"]));
  });

  it("run three replicas, of which a disruption takes at most one", () => {
    type Labels = Record<string, string>;
    const objects = manifests(join(__dirname, "provider")) as (KubeObject & { spec: Record<string, unknown> })[];
    const of = (kind: string) => objects.find((o) => o.kind === kind)?.spec ?? {};
    const deployment = of("Deployment") as { replicas?: number; template?: { metadata: { labels: Labels } } };
    const budget = of("PodDisruptionBudget") as { maxUnavailable?: number; selector?: { matchLabels: Labels } };
    expect(deployment.replicas).toBe(3);
    expect(budget.maxUnavailable).toBe(1);
    expect(deployment.template?.metadata.labels).toMatchObject(budget.selector?.matchLabels ?? { missing: "selector" });
  });

  it("let the portal impersonate users and groups", async () => {
    expect(await sar({ verb: "impersonate", resource: "users" })).toBe(true);
    expect(await sar({ verb: "impersonate", resource: "groups" })).toBe(true);
  });

  it("grant what binding through kube-bind's backend needs and what status pages read", async () => {
    for (const verb of ["create", "get", "watch", "delete"]) {
      expect(await sar({ verb, ...BRR, namespace: PORTAL_NS })).toBe(true);
    }
    expect(await sar({ verb: "get", resource: "secrets", namespace: PORTAL_NS })).toBe(true);
    expect(await sar({ verb: "list", resource: "namespaces" })).toBe(true);
    expect(await sar({ verb: "watch", group: "networking.kro.run", resource: "loadbalancers" })).toBe(true);
    expect(await sar({ verb: "list", group: "gateway.networking.k8s.io", resource: "httproutes" })).toBe(true);
    expect(await sar({ verb: "list", resource: "services", namespace: "envoy-gateway-system" })).toBe(true);
  });

  it("let the provider console read the guide's backend Service and EndpointSlice, and nothing more there", async () => {
    expect(await sar({ verb: "watch", resource: "services", namespace: "default" })).toBe(true);
    expect(
      await sar({ verb: "list", group: "discovery.k8s.io", resource: "endpointslices", namespace: "default" }),
    ).toBe(true);
    expect(await sar({ verb: "delete", resource: "services", namespace: "default" })).toBe(false);
    expect(
      await sar({ verb: "list", group: "discovery.k8s.io", resource: "endpointslices", namespace: "team-a" }),
    ).toBe(false);
  });

  it("let the portal record signed-out sessions (ConfigMaps) in its own namespace only", async () => {
    for (const verb of ["create", "delete", "watch", "list"]) {
      expect(await sar({ verb, resource: "configmaps", namespace: PORTAL_NS })).toBe(true);
    }
    expect(await sar({ verb: "update", resource: "configmaps", namespace: PORTAL_NS })).toBe(false);
    expect(await sar({ verb: "create", resource: "configmaps", namespace: "default" })).toBe(false);
    expect(await sar({ verb: "delete", resource: "configmaps", namespace: "kube-bind-abcde" })).toBe(false);
  });

  it("no longer grant the handshake, which kube-bind's backend does", async () => {
    expect(await sar({ verb: "create", resource: "namespaces" })).toBe(false);
    expect(await sar({ verb: "create", resource: "serviceaccounts", namespace: "kube-bind-abcde" })).toBe(false);
    expect(
      await sar({ verb: "create", resource: "serviceaccounts", subresource: "token", namespace: "kube-bind-abcde" }),
    ).toBe(false);
    expect(await sar({ verb: "get", resource: "secrets", namespace: "kube-bind-abcde" })).toBe(false);
    expect(await sar({ verb: "create", resource: "secrets", namespace: "kube-bind-abcde" })).toBe(false);
    expect(
      await sar({ verb: "create", group: "kube-bind.io", resource: "clusterbindings", namespace: "kube-bind-x" }),
    ).toBe(false);
    expect(
      await sar({
        verb: "create",
        group: "rbac.authorization.k8s.io",
        resource: "rolebindings",
        namespace: "kube-bind-x",
      }),
    ).toBe(false);
    expect(
      await sar({ verb: "bind", group: "rbac.authorization.k8s.io", resource: "clusterroles", name: "kube-binder" }),
    ).toBe(false);
    expect(await sar({ verb: "create", ...BRR, namespace: "kube-bind-abcde" })).toBe(false);
  });

  it("are not cluster-admin and never list Secrets", async () => {
    expect(await sar({ verb: "list", resource: "secrets" })).toBe(false);
    expect(await sar({ verb: "watch", resource: "secrets" })).toBe(false);
    expect(await sar({ verb: "list", resource: "secrets", namespace: "kube-system" })).toBe(false);
    expect(await sar({ verb: "list", resource: "secrets", namespace: PORTAL_NS })).toBe(false);
    expect(await sar({ verb: "*", group: "*", resource: "*" })).toBe(false);
    expect(await sar({ verb: "delete", resource: "namespaces" })).toBe(false);
    expect(await sar({ verb: "create", group: "rbac.authorization.k8s.io", resource: "clusterroles" })).toBe(false);
    expect(await sar({ verb: "escalate", group: "rbac.authorization.k8s.io", resource: "clusterroles" })).toBe(false);
    // Services only where the status pages and the provider console look (envoy-gateway-system, default).
    expect(await sar({ verb: "list", resource: "services", namespace: "kube-system" })).toBe(false);
    expect(await sar({ verb: "impersonate", resource: "serviceaccounts" })).toBe(false);
  });

  it("install the platform's LoadBalancer guardrails, with a shared-target list the portal may read", async () => {
    const objects = await applyManifests("provider");
    const admin = await sandboxClient("provider", "admin");
    const vap = { group: "admissionregistration.k8s.io", version: "v1" };
    for (const name of [TARGET_POLICY, HEADER_POLICY]) {
      expect(objects.some((o) => o.kind === "ValidatingAdmissionPolicyBinding" && o.metadata.name === name)).toBe(true);
      const policy = await admin.get({ ...vap, resource: "validatingadmissionpolicies", name });
      expect(policy.metadata.name).toBe(name);
    }
    expect(await sar({ verb: "get", resource: "configmaps", ...POLICY_CONFIGMAP })).toBe(true);
    const refused = await admin
      .create(
        { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers", namespace: PORTAL_NS },
        {
          apiVersion: "networking.kro.run/v1alpha1",
          kind: "LoadBalancer",
          metadata: { name: "deploy-test" },
          spec: {
            domain: "www.example.com",
            configMapRef: "c",
            targetService: "kube-dns",
            targetServiceNamespace: "kube-system",
            targetPort: 53,
          },
        },
        { dryRun: true },
      )
      .catch((e) => e);
    expect(refused).toBeInstanceOf(KubeError);
    expect(refused.message).toContain(`${REFUSED}: spec.targetServiceNamespace: kube-system/kube-dns`);
  });

  it("confine the portal's writes to namespaces with the kube-bind- prefix, even where RBAC would allow", async () => {
    const portal = await sandboxClient("provider", "portal");
    const admin = await sandboxClient("provider", "admin");
    const namespaces = { group: "", version: "v1", resource: "namespaces" };
    const r = randomSuffix();
    const outside = `portal-test-${r}`;
    const inside = `kube-bind-test-${r}`;
    // Grant the portal what it has in its own namespace in two more: one with the prefix, one without.
    for (const namespace of [outside, inside]) {
      await admin.create(namespaces, { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
      const rbac = { group: "rbac.authorization.k8s.io", version: "v1", namespace };
      await admin.create(
        { ...rbac, resource: "roles" },
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "Role",
          metadata: { name: "portal-test" },
          rules: [{ apiGroups: ["kube-bind.io"], resources: ["bindableresourcesrequests"], verbs: ["create"] }],
        },
      );
      await admin.create(
        { ...rbac, resource: "rolebindings" },
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "RoleBinding",
          metadata: { name: "portal-test" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "portal-test" },
          subjects: [{ kind: "ServiceAccount", name: "kube-bind-portal", namespace: PORTAL_NS }],
        },
      );
    }
    try {
      const create = (namespace: string) =>
        portal.create(
          { ...APIS.bindableRequests, namespace },
          bindableResourcesRequest({
            namespace,
            template: "loadbalancer",
            identity: "deploy-test",
            prettyName: "deploy-test",
            author: "deploy-test",
          }),
          { dryRun: true },
        );
      // The apiserver's RBAC cache follows the new bindings a moment later.
      const deadline = Date.now() + 10_000;
      while (!(await sar({ verb: "create", ...BRR, namespace: outside })) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const err = await create(outside).catch((e) => e);
      expect(err).toBeInstanceOf(KubeError);
      expect(err.message).toContain("the portal may only write in namespaces named kube-bind-*");
      expect((await create(inside)).metadata.namespace).toBe(inside);
    } finally {
      for (const namespace of [outside, inside]) await admin.delete({ ...namespaces, name: namespace });
    }
  });
});
