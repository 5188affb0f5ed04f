// The guide's LoadBalancer example as tests write it, once: the form's values, and whole objects
// (a LoadBalancer aimed at the sandbox's `backend` Service, its settings ConfigMap) for a cluster.
// Pure data: vitest and Playwright specs both use it.

import type { KubeObject } from "../lib/k8s/types";

/** The guide's my-lb spec, its settings in ConfigMap `configMapRef`. */
export function guideSpec(configMapRef = "my-lb-config") {
  return {
    domain: "www.example.com",
    configMapRef,
    targetService: "backend",
    targetServiceNamespace: "default",
    targetPort: 30080,
  };
}

/** The New LoadBalancer form's values for guideSpec. */
export function guideValues(configMapRef = "my-lb-config"): Record<string, string> {
  return Object.fromEntries(Object.entries(guideSpec(configMapRef)).map(([k, v]) => [`spec.${k}`, String(v)]));
}

export const GUIDE_VALUES = guideValues();

/** Header values the form and the admission policy both refuse, with the rule each states. */
export const BAD_HEADER_VALUES: [what: string, value: string, rule: string][] = [
  ["a newline", "hello\nworld", "may contain only printable ASCII characters, without line breaks"],
  ["an emoji", "hello 👋", "may contain only printable ASCII characters"],
  ["U+202E", "abc\u202edef", "may contain only printable ASCII characters"],
  ["4097 characters", "a".repeat(4097), "must be at most 4096 characters (it has 4097)"],
  ["900 KB", "a".repeat(900_000), "must be at most 4096 characters (it has 900000)"],
];

export interface GuideObjectOptions {
  /** set in metadata (otherwise the request's namespace applies) */
  namespace?: string;
  /** the settings ConfigMap's name; `<name>-config` unless given */
  configMapRef?: string;
  /** `<group>/<version>`; the bound API's unless given (the live tests use a group of their own) */
  apiVersion?: string;
  /** fields that replace the guide's */
  spec?: Record<string, unknown>;
}

/** LoadBalancer `name` served at `<name>.example.com` by the sandbox's backend on port 30080. */
export function guideLoadBalancer(name: string, o: GuideObjectOptions = {}): KubeObject {
  return {
    apiVersion: o.apiVersion ?? "networking.kro.run/v1alpha1",
    kind: "LoadBalancer",
    metadata: o.namespace ? { name, namespace: o.namespace } : { name },
    spec: { ...guideSpec(o.configMapRef ?? `${name}-config`), domain: `${name}.example.com`, ...o.spec },
  };
}

/** The settings ConfigMap `configMapRef` of a LoadBalancer, with its custom-header. */
export function settingsConfigMap(configMapRef: string, header: string, namespace?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: namespace ? { name: configMapRef, namespace } : { name: configMapRef },
    data: { "custom-header": header },
  };
}
