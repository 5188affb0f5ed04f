"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { detailHref } from "@/lib/loadbalancer/create";
import { LOADBALANCERS } from "@/lib/loadbalancer/resource";
import { fail } from "@/lib/schema/action-result";
import {
  createResource,
  previewResource,
  type ResourceCreated,
  type ResourcePreview,
  ServedRefParams,
} from "@/lib/schema/create-resource";

// The page binds `ref` (its route params); both are re-validated here because a client can send
// anything. The identity comes from the session only.

const BAD_REF = { message: "This address names no API resource; open the form from the catalog again." };

/** Validation against the served schema and a server-side dry run; nothing is saved. */
export async function previewResourceAction(ref: unknown, input: unknown): Promise<ResourcePreview> {
  const user = await requireUser("/catalog");
  const parsed = ServedRefParams.safeParse(ref);
  if (!parsed.success) return fail({}, BAD_REF);
  return previewResource(k8sIdentity(user), parsed.data, input);
}

/** Dry run, then create as the user; LoadBalancers then open on their own page. */
export async function createResourceAction(ref: unknown, input: unknown): Promise<ResourceCreated & { href?: string }> {
  const user = await requireUser("/catalog");
  const parsed = ServedRefParams.safeParse(ref);
  if (!parsed.success) return fail({}, BAD_REF);
  const r = await createResource(k8sIdentity(user), parsed.data, input);
  const isLoadBalancer = parsed.data.group === LOADBALANCERS.group && parsed.data.resource === LOADBALANCERS.resource;
  return r.ok && isLoadBalancer && r.namespace ? { ...r, href: detailHref(r.namespace, r.name) } : r;
}
