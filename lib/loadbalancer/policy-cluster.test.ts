// Cluster test (SANDBOX_STATE): the provider's LoadBalancer policies (deploy/provider/
// loadbalancer-policy.yaml) judge what a tenant's konnector writes. Writes are server-side dry
// runs as the konnector's own identity (its kube-binder ServiceAccount, impersonated by the admin),
// in the provider namespace where the konnector puts alice's LoadBalancers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_HEADER_VALUES, guideLoadBalancer } from "../../test-support/guide";
import { randomSuffix, sandboxClient } from "../../test-support/k8s";
import { applySandboxPortalEnv, ensureConsumerBound, eventually } from "../../test-support/loadbalancer";
import type { KubeClient } from "../k8s/client";
import { KubeError } from "../k8s/errors";
import { asUser } from "../k8s/types";
import { REFUSED } from "./policy";

applySandboxPortalEnv();
const CM = { group: "", version: "v1", resource: "configmaps" };
const LB = { group: "networking.kro.run", version: "v1alpha1", resource: "loadbalancers" };
const name = `policy-${randomSuffix()}`;
let alice: KubeClient;
let konnector: KubeClient;
/** The provider namespace of alice's LoadBalancers in the consumer's namespace default. */
let ownNamespace: string;

const loadBalancer = (spec: Record<string, unknown>) =>
  guideLoadBalancer(`${name}-x`, { configMapRef: `${name}-config`, spec: { domain: "www.example.com", ...spec } });

async function refusal(write: Promise<unknown>): Promise<string> {
  const e = await write.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof KubeError)) throw new Error(`expected a refusal, got ${e === null ? "success" : String(e)}`);
  return e.message;
}

const createLb = (spec: Record<string, unknown>) =>
  konnector.create({ ...LB, namespace: ownNamespace }, loadBalancer(spec), { dryRun: true });
const createCm = (value: string) =>
  konnector.create(
    { ...CM, namespace: ownNamespace },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${name}-c` }, data: { "custom-header": value } },
    { dryRun: true },
  );

beforeAll(async () => {
  await ensureConsumerBound();
  alice = await sandboxClient("consumer", "alice");
  const provider = await sandboxClient("provider", "admin");
  // A real LoadBalancer through the konnector: its copy shows which provider namespace is alice's.
  await alice.create(
    { ...CM, namespace: "default" },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `${name}-config` }, data: { "custom-header": "ok" } },
  );
  await alice.create({ ...LB, namespace: "default" }, { ...loadBalancer({}), metadata: { name } });
  const copy = await eventually("the konnector's copy on the provider", async () => {
    const items = (await provider.list(LB, { fieldSelector: `metadata.name=${name}` })).items;
    return items[0];
  });
  ownNamespace = copy.metadata.namespace as string;
  const bindingNamespace = ownNamespace.replace(/-default$/, "");
  const sa = `system:serviceaccount:${bindingNamespace}:kube-binder`;
  konnector = await sandboxClient(
    "provider",
    "admin",
    asUser(sa, ["system:serviceaccounts", `system:serviceaccounts:${bindingNamespace}`, "system:authenticated"]),
  );
}, 180_000);

afterAll(async () => {
  await alice?.delete({ ...LB, namespace: "default", name }).catch(() => undefined);
  await alice?.delete({ ...CM, namespace: "default", name: `${name}-config` }).catch(() => undefined);
});

describe("the provider's LoadBalancer policy, for a tenant's konnector", () => {
  it("lets the copy of a LoadBalancer to the shared target (default/backend) through", () => {
    expect(ownNamespace).toMatch(/^kube-bind-.+-default$/);
  });

  it("allows the shared target and the tenant's own namespace", async () => {
    expect((await createLb({})).metadata.name).toBe(`${name}-x`);
    const own = await createLb({ targetServiceNamespace: ownNamespace, targetService: "anything" });
    expect(own.metadata.namespace).toBe(ownNamespace);
  });

  it.each([
    ["the portal's namespace", "kube-bind-portal", "kube-bind-portal"],
    ["default, beside the apiserver", "default", "kubernetes"],
    ["kube-system", "kube-system", "kube-dns"],
  ])("refuses a target in %s", async (_, namespace, service) => {
    const message = await refusal(createLb({ targetServiceNamespace: namespace, targetService: service }));
    expect(message).toContain(`${REFUSED}: spec.targetServiceNamespace: ${namespace}/${service} is not a target`);
    expect(message).toContain(`own namespace (${ownNamespace})`);
    expect(message).toContain("shared targets (default/backend)");
  });

  it.each(BAD_HEADER_VALUES)("refuses a header value with %s", async (_, value, rule) => {
    const message = await refusal(createCm(value));
    expect(message).toContain(`${REFUSED}: the header value (custom-header)`);
    expect(message).toContain(rule);
  });

  it("allows a header value of 4096 printable characters", async () => {
    expect((await createCm("a".repeat(4096))).metadata.name).toBe(`${name}-c`);
  });

  it.each([["Bad_Host"], ["1.2.3.4"], ["www..example.com"], [`${"a".repeat(64)}.example.com`]])(
    "refuses the domain %s",
    async (domain) => {
      expect(await refusal(createLb({ domain }))).toContain(`${REFUSED}: spec.domain must be a DNS host name`);
    },
  );
});
