// Helpers for cluster tests of lib/loadbalancer against the running sandbox (SANDBOX_STATE): the
// portal's environment, the sandbox users as identities, and a consumer bound to the LoadBalancer
// export (bound the way the browser bind does it, through kube-bind's backend, as the platform
// admin; skipped if bound).

import { bindingResponse } from "../lib/bind/binding-response";
import { finishOnConsumer } from "../lib/bind/finish";
import { requestProviderBinding } from "../lib/bind/provision";
import { getExportTemplate } from "../lib/catalog/get-template";
import { env } from "../lib/env";
import { servedSchema } from "../lib/forms/served";
import { APIS } from "../lib/k8s/apis";
import { portalIdentityClient, userClient } from "../lib/k8s/clusters";
import type { Identity } from "../lib/k8s/types";
import { portalEnv } from "../sandbox/portal-env";
import { readSandboxState } from "../sandbox/state";
import { sandboxClient } from "./k8s";
import { teamRolesCoverLoadBalancers } from "./loadbalancer-rbac";

/** Points lib/env at the sandbox, as the e2e suite's `next start` gets it. Call before any client. */
export function applySandboxPortalEnv(): void {
  const state = readSandboxState();
  Object.assign(process.env, portalEnv(state, state.portalUrls[0]));
}

export function identity(username: "alice" | "bob" | "admin"): Identity {
  const u = readSandboxState().oidc.users.find((x) => x.username === username);
  if (!u) throw new Error(`the sandbox has no user ${username}`);
  return { user: u.email, groups: u.groups };
}

async function served(): Promise<boolean> {
  const user = await userClient("consumer", identity("admin"));
  return (await servedSchema(user, APIS.loadBalancers)).state === "served";
}

/**
 * Binds the consumer to the loadbalancer export unless it already serves LoadBalancers, and lets
 * the teams' namespace roles use them (see loadbalancer-rbac.ts).
 */
export async function ensureConsumerBound(timeoutMs = 90_000): Promise<void> {
  await teamRolesCoverLoadBalancers(await sandboxClient("consumer", "admin"));
  if (await served()) return;
  const admin = identity("admin");
  const template = await getExportTemplate("loadbalancer");
  if (!template) throw new Error("the provider has no APIServiceExportTemplate loadbalancer");
  const kubeSystem = await (await portalIdentityClient("consumer")).get({
    ...APIS.namespaces,
    name: "kube-system",
  });
  const { namespace, kubeconfig } = await requestProviderBinding(
    { username: admin.user, groups: admin.groups },
    { template: "loadbalancer", consumerIdentity: kubeSystem.metadata.uid, prettyName: "loadbalancer" },
  );
  const response = bindingResponse({
    template,
    requestName: "loadbalancer",
    kubeconfig,
    sessionId: "portal",
    issuer: env().OIDC_ISSUER_URL,
    subject: admin.user,
    providerNamespace: namespace,
  });
  await finishOnConsumer(await userClient("consumer", admin), kubeconfig, response.requests[0]);
  const deadline = Date.now() + timeoutMs;
  while (!(await served())) {
    if (Date.now() > deadline) throw new Error("the consumer did not start serving LoadBalancers after binding");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
