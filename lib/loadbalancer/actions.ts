"use server";

import { identityAction } from "@/lib/actions/user-action";
import { createLoadBalancer, previewLoadBalancerCreate } from "@/lib/loadbalancer/create";
import { deleteLoadBalancer } from "@/lib/loadbalancer/delete";
import { applyLoadBalancerEdit, previewLoadBalancerEdit } from "@/lib/loadbalancer/update";

// The server actions of the LoadBalancer forms, as the signed-in user (lib/actions). lib validates
// the input with zod against the served schema, which only the cluster knows.

const NEW = { returnTo: "/loadbalancers/new" };
const LIST = { returnTo: "/loadbalancers" };

/** Validation and a server-side dry run of the ConfigMap and the LoadBalancer; nothing is saved. */
export const previewLoadBalancerAction = identityAction(previewLoadBalancerCreate, NEW);

/** Dry run, then create both; a failure after the ConfigMap was created deletes it again. */
export const createLoadBalancerAction = identityAction(createLoadBalancer, NEW);

/** Validation and a dry run of the changed ConfigMap and LoadBalancer; nothing is saved. */
export const previewEditAction = identityAction(previewLoadBalancerEdit, LIST);

/** Dry run, then the ConfigMap and the LoadBalancer; a failed second step undoes the first. */
export const applyEditAction = identityAction(applyLoadBalancerEdit, LIST);

/** Deletes the LoadBalancer (and, if asked, its ConfigMap) once its name was typed again. */
export const deleteLoadBalancerAction = identityAction(deleteLoadBalancer, LIST);
