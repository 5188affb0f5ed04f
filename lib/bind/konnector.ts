// The konnector's objects on a consumer cluster, as `kubectl bind` v0.8.1 deploys them: namespace
// kube-bind, ServiceAccount and ClusterRole(Binding) for it, and Deployment kube-bind/konnector.
// Pure: lib/bind/konnector-deploy.ts applies them as the user.
import { APIS } from "../k8s/apis";
import type { ResourceRef } from "../k8s/types";

export const KONNECTOR_NAMESPACE = "kube-bind";
export const KONNECTOR_NAME = "konnector";
export const KONNECTOR_CLUSTER_ROLE = "kube-bind-konnector";
export const KONNECTOR_IMAGE = "ghcr.io/kube-bind/konnector:v0.8.1";
/** The konnector serves /healthz here (its --server-address default). */
const HEALTH_PORT = 8090;

type Meta = { name: string; namespace?: string; labels?: Record<string, string> };

interface Namespace {
  apiVersion: "v1";
  kind: "Namespace";
  metadata: Meta;
}

interface ServiceAccount {
  apiVersion: "v1";
  kind: "ServiceAccount";
  metadata: Meta;
}

interface ClusterRole {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "ClusterRole";
  metadata: Meta;
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

interface ClusterRoleBinding {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "ClusterRoleBinding";
  metadata: Meta;
  roleRef: { apiGroup: "rbac.authorization.k8s.io"; kind: "ClusterRole"; name: string };
  subjects: { kind: "ServiceAccount"; name: string; namespace: string }[];
}

interface EnvFromField {
  name: string;
  valueFrom: { fieldRef: { fieldPath: string } };
}

interface Deployment {
  apiVersion: "apps/v1";
  kind: "Deployment";
  metadata: Meta;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        restartPolicy: "Always";
        serviceAccountName: string;
        containers: {
          name: string;
          image: string;
          env: EnvFromField[];
          readinessProbe: { httpGet: { path: string; port: number } };
        }[];
      };
    };
  };
}

export type KonnectorObject = Namespace | ServiceAccount | ClusterRole | ClusterRoleBinding | Deployment;

/** One object to apply, with where it lives in the API. */
export interface KonnectorManifest {
  ref: ResourceRef & { name: string };
  body: KonnectorObject;
}

/** A fresh object each time: shared objects would serialize as YAML anchors. */
const labels = () => ({ app: KONNECTOR_NAME });

export function konnectorDeploymentRef(): ResourceRef & { name: string } {
  return {
    ...APIS.deployments,
    namespace: KONNECTOR_NAMESPACE,
    name: KONNECTOR_NAME,
  };
}

/** The konnector's objects in the order they must be applied. */
export function konnectorManifests(image = KONNECTOR_IMAGE): KonnectorManifest[] {
  const ns = KONNECTOR_NAMESPACE;
  const fromField = (name: string, fieldPath: string): EnvFromField => ({
    name,
    valueFrom: { fieldRef: { fieldPath } },
  });
  return [
    {
      ref: { ...APIS.namespaces, name: ns },
      body: { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } },
    },
    {
      ref: { ...APIS.serviceAccounts, namespace: ns, name: KONNECTOR_NAME },
      body: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: KONNECTOR_NAME, namespace: ns } },
    },
    {
      ref: { ...APIS.clusterRoles, name: KONNECTOR_CLUSTER_ROLE },
      body: {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: KONNECTOR_CLUSTER_ROLE },
        // As upstream: the konnector installs CRDs and syncs any bound resource and claimed object.
        rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
      },
    },
    {
      ref: { ...APIS.clusterRoleBindings, name: KONNECTOR_CLUSTER_ROLE },
      body: {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: KONNECTOR_CLUSTER_ROLE },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: KONNECTOR_CLUSTER_ROLE },
        subjects: [{ kind: "ServiceAccount", name: KONNECTOR_NAME, namespace: ns }],
      },
    },
    {
      ref: konnectorDeploymentRef(),
      body: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: KONNECTOR_NAME, namespace: ns, labels: labels() },
        spec: {
          replicas: 2,
          selector: { matchLabels: labels() },
          template: {
            metadata: { labels: labels() },
            spec: {
              restartPolicy: "Always",
              serviceAccountName: KONNECTOR_NAME,
              containers: [
                {
                  name: KONNECTOR_NAME,
                  image,
                  env: [fromField("POD_NAME", "metadata.name"), fromField("POD_NAMESPACE", "metadata.namespace")],
                  readinessProbe: { httpGet: { path: "/healthz", port: HEALTH_PORT } },
                },
              ],
            },
          },
        },
      },
    },
  ];
}
