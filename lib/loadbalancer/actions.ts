"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { createLoadBalancer, previewLoadBalancerCreate } from "@/lib/loadbalancer/create";
import { deleteLoadBalancer } from "@/lib/loadbalancer/delete";
import { applyLoadBalancerEdit, previewLoadBalancerEdit } from "@/lib/loadbalancer/update";

// The server actions of the LoadBalancer forms, as the signed-in user (userAction). lib validates
// the input with zod against the served schema, which only the cluster knows.

const NEW = { returnTo: "/loadbalancers/new" };
const LIST = { returnTo: "/loadbalancers" };

/** Validation and a server-side dry run of the ConfigMap and the LoadBalancer; nothing is saved. */
export const previewLoadBalancerAction = userAction(
  z.unknown(),
  (raw, { identity }) => previewLoadBalancerCreate(identity, raw),
  NEW,
);

/** Dry run, then create both; a failure after the ConfigMap was created deletes it again. */
export const createLoadBalancerAction = userAction(
  z.unknown(),
  (raw, { identity }) => createLoadBalancer(identity, raw),
  NEW,
);

/** Validation and a dry run of the changed ConfigMap and LoadBalancer; nothing is saved. */
export const previewEditAction = userAction(
  z.unknown(),
  (raw, { identity }) => previewLoadBalancerEdit(identity, raw),
  LIST,
);

/** Dry run, then the ConfigMap and the LoadBalancer; a failed second step undoes the first. */
export const applyEditAction = userAction(
  z.unknown(),
  (raw, { identity }) => applyLoadBalancerEdit(identity, raw),
  LIST,
);

/** Deletes the LoadBalancer (and, if asked, its ConfigMap) once its name was typed again. */
export const deleteLoadBalancerAction = userAction(
  z.unknown(),
  (raw, { identity }) => deleteLoadBalancer(identity, raw),
  LIST,
);
