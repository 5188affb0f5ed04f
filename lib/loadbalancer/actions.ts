"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import {
  type CreateOutcome,
  type CreatePreview,
  createLoadBalancer,
  previewLoadBalancerCreate,
} from "@/lib/loadbalancer/create";
import { type DeleteOutcome, deleteLoadBalancer } from "@/lib/loadbalancer/delete";
import {
  applyLoadBalancerEdit,
  type EditOutcome,
  type EditPreview,
  previewLoadBalancerEdit,
} from "@/lib/loadbalancer/update";

// The server actions of the LoadBalancer forms. The identity always comes from the session, never
// from the input: a user can only ever act as themselves, and the consumer cluster's RBAC decides
// the rest. lib validates the input with zod.

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

/** Validation and a dry run of the changed ConfigMap and LoadBalancer; nothing is saved. */
export async function previewEditAction(input: unknown): Promise<EditPreview> {
  const user = await requireUser("/loadbalancers");
  return previewLoadBalancerEdit(k8sIdentity(user), input);
}

/** Dry run, then the ConfigMap and the LoadBalancer; a failed second step undoes the first. */
export async function applyEditAction(input: unknown): Promise<EditOutcome> {
  const user = await requireUser("/loadbalancers");
  return applyLoadBalancerEdit(k8sIdentity(user), input);
}

/** Deletes the LoadBalancer (and, if asked, its ConfigMap) once its name was typed again. */
export async function deleteLoadBalancerAction(input: unknown): Promise<DeleteOutcome> {
  const user = await requireUser("/loadbalancers");
  return deleteLoadBalancer(k8sIdentity(user), input);
}
