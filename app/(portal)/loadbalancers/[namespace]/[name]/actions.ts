"use server";

import { k8sIdentity, requireUser } from "@/lib/auth/session";
import { type DeleteOutcome, deleteLoadBalancer } from "@/lib/loadbalancer/delete";
import {
  applyLoadBalancerEdit,
  type EditOutcome,
  type EditPreview,
  previewLoadBalancerEdit,
} from "@/lib/loadbalancer/update";

// As the signed-in user only (identity from the session, never from the input); lib validates
// the input with zod and the consumer cluster's RBAC decides.

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
