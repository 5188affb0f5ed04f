// The platform's guardrails for LoadBalancers, in one place: the portal checks them before it
// writes, and the provider enforces the same rules on every copy (kubectl users included) through
// the ValidatingAdmissionPolicies in deploy/provider/loadbalancer-policy.yaml, whose CEL is
// generated here (policy.test.ts holds the YAML to it). Pure and isomorphic.
//
// - A LoadBalancer may route only to a Service in its own namespace (where its copy lives on the
//   provider) or to a shared target the platform lists in the policy ConfigMap. A policy cannot
//   read other namespaces' labels, so the list is data, one entry per line: `<namespace>/<Service>`
//   or `<namespace>/*` for every Service there.
// - The header value (`custom-header` of the settings ConfigMap) is printable ASCII (tab allowed),
//   at most 4096 characters: what an HTTP header may carry and what Envoy accepts.
// - The domain is a DNS host name (RFC 1123, lowercase, not an IP address).

export const POLICY_CONFIGMAP = { namespace: "kube-bind-portal", name: "loadbalancer-policy" } as const;
export const SHARED_TARGETS_KEY = "shared-targets";
export const HEADER_KEY = "custom-header";
export const HEADER_MAX_LENGTH = 4096;
export const HEADER_PATTERN = String.raw`^[\x20-\x7e\t]*$`;
export const HOSTNAME_MAX_LENGTH = 253;
export const HOSTNAME_PATTERN = String.raw`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$`;
export const IPV4_PATTERN = String.raw`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`;

/** The words every refusal starts with, on the provider (the policy's messages) and in the portal. */
export const REFUSED = "refused by the platform's policy";

/** A shared target: every Service of a namespace (`service: "*"`) or one Service. */
export interface SharedTarget {
  namespace: string;
  service: string;
}

/** The policy ConfigMap's `shared-targets` text: one `<namespace>/<Service or *>` a line. */
export function parseSharedTargets(text: string | undefined): SharedTarget[] {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.includes("/"))
    .map((line) => {
      const [namespace, service] = line.split("/", 2);
      return { namespace, service };
    });
}

export function isSharedTarget(shared: SharedTarget[], namespace: string, service: string): boolean {
  return shared.some((t) => t.namespace === namespace && (t.service === "*" || t.service === service));
}

export function describeShared(shared: SharedTarget[]): string {
  return shared.length ? shared.map((t) => `${t.namespace}/${t.service}`).join(", ") : "none";
}

/**
 * Why a LoadBalancer may not route to `namespace/service` from `ownNamespace`, or null. The
 * consumer does not know its provider namespace: `ownNamespace` is undefined there, and then only
 * shared targets pass.
 */
export function targetProblem(
  shared: SharedTarget[],
  target: { namespace: string; service: string },
  ownNamespace?: string,
): string | null {
  if (target.namespace === ownNamespace || isSharedTarget(shared, target.namespace, target.service)) return null;
  return `spec.targetServiceNamespace: ${target.namespace}/${target.service} is not a target this LoadBalancer may use; a LoadBalancer may route only to Services in its own namespace or to the platform's shared targets (${describeShared(shared)}).`;
}

export function headerProblem(value: string): string | null {
  if (value.length > HEADER_MAX_LENGTH)
    return `the header value (${HEADER_KEY}) must be at most ${HEADER_MAX_LENGTH} characters (it has ${value.length}).`;
  if (!new RegExp(HEADER_PATTERN).test(value))
    return `the header value (${HEADER_KEY}) may contain only printable ASCII characters, without line breaks.`;
  return null;
}

export function domainProblem(domain: string): string | null {
  if (
    domain.length <= HOSTNAME_MAX_LENGTH &&
    new RegExp(HOSTNAME_PATTERN).test(domain) &&
    !new RegExp(IPV4_PATTERN).test(domain)
  )
    return null;
  return "spec.domain must be a DNS host name such as www.example.com: lowercase letters, digits and '-', in parts of at most 63 characters separated by dots, at most 253 in all, not an IP address.";
}

// --- the provider's ValidatingAdmissionPolicies, generated from the constants above ---

const cel = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const LABELS = { "app.kubernetes.io/name": "kube-bind-portal", "app.kubernetes.io/component": "loadbalancer-policy" };
export const TARGET_POLICY = "loadbalancer-targets";
export const HEADER_POLICY = "loadbalancer-header";

type Obj = Record<string, unknown>;

function policy(name: string, spec: Obj): Obj {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name, labels: LABELS },
    spec: { failurePolicy: "Fail", ...spec },
  };
}

function binding(name: string, extra: Obj = {}): Obj {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name, labels: LABELS },
    spec: { policyName: name, validationActions: ["Deny"], ...extra },
  };
}

/** The two policies and their bindings, as deploy/provider/loadbalancer-policy.yaml holds them. */
export function providerPolicies(): Obj[] {
  const sharedText = `has(params.data) && ${cel(SHARED_TARGETS_KEY)} in params.data ? params.data[${cel(SHARED_TARGETS_KEY)}] : ''`;
  const targets = policy(TARGET_POLICY, {
    paramKind: { apiVersion: "v1", kind: "ConfigMap" },
    matchConstraints: {
      resourceRules: [
        {
          apiGroups: ["networking.kro.run"],
          apiVersions: ["*"],
          operations: ["CREATE", "UPDATE"],
          resources: ["loadbalancers"],
        },
      ],
    },
    // Only a changed spec is judged, so kro and kube-bind can still finalize an older object.
    matchConditions: [
      {
        name: "spec-changed",
        expression: "oldObject == null || !has(oldObject.spec) || object.spec != oldObject.spec",
      },
    ],
    variables: [
      {
        name: "shared",
        expression: `(${sharedText}).split('\\n').map(l, l.trim()).filter(l, l.contains('/'))`,
      },
      {
        name: "ns",
        expression: "has(object.spec.targetServiceNamespace) ? object.spec.targetServiceNamespace : request.namespace",
      },
      { name: "svc", expression: "has(object.spec.targetService) ? object.spec.targetService : ''" },
      { name: "domain", expression: "has(object.spec.domain) ? object.spec.domain : ''" },
    ],
    validations: [
      {
        expression:
          "variables.ns == request.namespace || variables.shared.exists(t, t == variables.ns + '/' + variables.svc || t == variables.ns + '/*')",
        messageExpression: `${cel(`${REFUSED}: spec.targetServiceNamespace: `)} + variables.ns + '/' + variables.svc + ${cel(" is not a target this LoadBalancer may use; a LoadBalancer may route only to Services in its own namespace (")} + request.namespace + ${cel(") or to the platform's shared targets (")} + (size(variables.shared) > 0 ? variables.shared.join(', ') : 'none') + ')'`,
        reason: "Forbidden",
      },
      {
        expression: `size(variables.domain) <= ${HOSTNAME_MAX_LENGTH} && variables.domain.matches(${cel(HOSTNAME_PATTERN)}) && !variables.domain.matches(${cel(IPV4_PATTERN)})`,
        message: `${REFUSED}: ${domainProblem("")}`,
        reason: "Invalid",
      },
    ],
  });
  const header = policy(HEADER_POLICY, {
    matchConstraints: {
      resourceRules: [
        { apiGroups: [""], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: ["configmaps"] },
      ],
    },
    // Any ConfigMap with the key can be a LoadBalancer's settings; only a changed value is judged.
    matchConditions: [
      { name: "has-header", expression: `has(object.data) && ${cel(HEADER_KEY)} in object.data` },
      {
        name: "header-changed",
        expression: `oldObject == null || !has(oldObject.data) || !(${cel(HEADER_KEY)} in oldObject.data) || oldObject.data[${cel(HEADER_KEY)}] != object.data[${cel(HEADER_KEY)}]`,
      },
    ],
    variables: [{ name: "value", expression: `object.data[${cel(HEADER_KEY)}]` }],
    validations: [
      {
        expression: `size(variables.value) <= ${HEADER_MAX_LENGTH}`,
        messageExpression: `${cel(`${REFUSED}: the header value (${HEADER_KEY}) must be at most ${HEADER_MAX_LENGTH} characters (it has `)} + string(size(variables.value)) + ').'`,
        reason: "Invalid",
      },
      {
        expression: `size(variables.value) > ${HEADER_MAX_LENGTH} || variables.value.matches(${cel(HEADER_PATTERN)})`,
        message: `${REFUSED}: the header value (${HEADER_KEY}) may contain only printable ASCII characters, without line breaks.`,
        reason: "Invalid",
      },
    ],
  });
  return [
    targets,
    binding(TARGET_POLICY, {
      paramRef: { ...POLICY_CONFIGMAP, parameterNotFoundAction: "Deny" },
    }),
    header,
    binding(HEADER_POLICY),
  ];
}
