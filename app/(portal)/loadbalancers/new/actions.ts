"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import {
  type CreateOutcome,
  type CreatePreview,
  createLoadBalancer,
  previewLoadBalancerCreate,
} from "@/lib/loadbalancer/create";

// The identity always comes from the session, never from the input: a user can only ever act as
// themselves, and the consumer cluster's RBAC decides the rest. lib validates the input with zod.

/** Validation and a server-side dry run of the ConfigMap and the LoadBalancer; nothing is saved. */
export async function previewLoadBalancerAction(input: unknown): Promise<CreatePreview> {
  const user = await requireUser("/loadbalancers/new");
  return previewLoadBalancerCreate(k8sIdentity(user), input);
}

/** Dry run, then create both; a failure after the ConfigMap was created deletes it again. */
export async function createLoadBalancerAction(input: unknown): Promise<CreateOutcome> {
  const user = await requireUser("/loadbalancers/new");
  return createLoadBalancer(k8sIdentity(user), input);
}
