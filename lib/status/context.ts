// The validated input every stage evaluator reads, and small shared helpers.
import {
  ClusterBinding,
  type Condition,
  ConfigMap,
  Deployment,
  Gateway,
  HTTPRoute,
  LoadBalancer,
  parseOptional,
  parseRequired,
  ReferenceGrant,
  Rgd,
  Service,
} from "../k8s/models";
import { formatAge, ms } from "./time";
import type { StatusInput } from "./types";

/** How long an expected reaction may take before the model calls it blocked. */
export const GRACE_MS = 30_000;
/** The custom header's key in the settings ConfigMap (see the LoadBalancer RGD). */
export const SETTINGS_KEY = "custom-header";
export const ENVOY_CONTROLLER = "gateway.envoyproxy.io/gatewayclass-controller";

export interface Ctx {
  now: number;
  /** `now`, or earlier when the provider is out of sight: the time provider reactions are judged at */
  seen: number;
  lb: LoadBalancer;
  /** null: known not to exist; undefined: not read */
  consumerConfigMap: ConfigMap | null | undefined;
  /** the konnector Deployment on the consumer; null: known not to exist; undefined: not read */
  konnector: Deployment | null | undefined;
  p: {
    lb?: LoadBalancer;
    configMap?: ConfigMap;
    grant?: ReferenceGrant;
    gateway?: Gateway;
    route?: HTTPRoute;
    envoyService?: Service;
    rgd?: Rgd;
    clusterBinding?: ClusterBinding;
  };
  policy?: StatusInput["policy"];
  /** "3m" since `iso` */
  age(iso: string | undefined): string;
  /** more than GRACE_MS from `iso` to `seen` */
  overdue(iso: string | undefined): boolean;
}

export function context(input: StatusInput): Ctx {
  const now = typeof input.now === "number" ? input.now : Date.parse(input.now);
  if (Number.isNaN(now)) throw new Error(`status model: invalid now ${String(input.now)}`);
  const seenAt = typeof input.providerSeenAt === "string" ? ms(input.providerSeenAt) : input.providerSeenAt;
  const seen = Math.min(now, seenAt ?? now);
  const lb = parseRequired(LoadBalancer, input.consumer.loadBalancer);
  const cm = input.consumer.configMap;
  const p = input.provider;
  return {
    now,
    seen,
    lb,
    consumerConfigMap: cm === null ? null : parseOptional(ConfigMap, cm),
    konnector: input.consumer.konnector === null ? null : parseOptional(Deployment, input.consumer.konnector),
    p: {
      lb: parseOptional(LoadBalancer, p.loadBalancer),
      configMap: parseOptional(ConfigMap, p.configMap),
      grant: parseOptional(ReferenceGrant, p.referenceGrant),
      gateway: parseOptional(Gateway, p.gateway),
      route: parseOptional(HTTPRoute, p.httpRoute),
      envoyService: parseOptional(Service, p.envoyService),
      rgd: parseOptional(Rgd, p.rgd),
      clusterBinding: parseOptional(ClusterBinding, p.clusterBinding),
    },
    policy: input.policy,
    age: (iso) => formatAge(now - (ms(iso) ?? now)),
    overdue: (iso) => seen - (ms(iso) ?? seen) > GRACE_MS,
  };
}

export const isTrue = (c: Condition | undefined) => c?.status === "True";
export const isFalse = (c: Condition | undefined) => c?.status === "False";
