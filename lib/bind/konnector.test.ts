import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { KONNECTOR_IMAGE, konnectorDeploymentRef, konnectorManifests } from "./konnector";

describe("the konnector's objects", () => {
  const manifests = konnectorManifests();
  const byKind = Object.fromEntries(manifests.map((m) => [m.body.kind, m]));

  it("come in the order kubectl bind applies them", () => {
    expect(manifests.map((m) => `${m.body.kind}/${m.body.metadata.name}`)).toEqual([
      "Namespace/kube-bind",
      "ServiceAccount/konnector",
      "ClusterRole/kube-bind-konnector",
      "ClusterRoleBinding/kube-bind-konnector",
      "Deployment/konnector",
    ]);
  });

  it("are each addressed where they live", () => {
    expect(manifests.map((m) => m.ref)).toEqual([
      { group: "", version: "v1", resource: "namespaces", name: "kube-bind" },
      { group: "", version: "v1", resource: "serviceaccounts", namespace: "kube-bind", name: "konnector" },
      { group: "rbac.authorization.k8s.io", version: "v1", resource: "clusterroles", name: "kube-bind-konnector" },
      {
        group: "rbac.authorization.k8s.io",
        version: "v1",
        resource: "clusterrolebindings",
        name: "kube-bind-konnector",
      },
      konnectorDeploymentRef(),
    ]);
    for (const m of manifests) {
      expect(m.ref.name).toBe(m.body.metadata.name);
      expect(m.ref.namespace).toBe(m.body.metadata.namespace);
    }
  });

  it("bind the konnector's ServiceAccount to its ClusterRole", () => {
    expect(byKind.ClusterRoleBinding.body).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "kube-bind-konnector" },
      subjects: [{ kind: "ServiceAccount", name: "konnector", namespace: "kube-bind" }],
    });
    expect(byKind.ClusterRole.body).toMatchObject({ rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] });
  });

  it("run two replicas of the v0.8.1 konnector as that ServiceAccount, with its pod's name and namespace", () => {
    expect(stringify(byKind.Deployment.body)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: konnector
  namespace: kube-bind
  labels:
    app: konnector
spec:
  replicas: 2
  selector:
    matchLabels:
      app: konnector
  template:
    metadata:
      labels:
        app: konnector
    spec:
      restartPolicy: Always
      serviceAccountName: konnector
      containers:
        - name: konnector
          image: ghcr.io/kube-bind/konnector:v0.8.1
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8090
`);
    expect(KONNECTOR_IMAGE).toBe("ghcr.io/kube-bind/konnector:v0.8.1");
  });

  it("take another image when asked, and survive a YAML round trip", () => {
    const custom = konnectorManifests("registry.example.com/konnector:dev");
    const deployment = custom.at(-1)?.body;
    expect(deployment?.kind === "Deployment" && deployment.spec.template.spec.containers[0].image).toBe(
      "registry.example.com/konnector:dev",
    );
    const docs = parseAllDocuments(manifests.map((m) => stringify(m.body)).join("---\n")).map((d) => d.toJSON());
    expect(docs).toEqual(manifests.map((m) => m.body));
  });
});
