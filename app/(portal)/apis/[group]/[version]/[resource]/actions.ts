"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { fail } from "@/lib/forms/action-result";
import type { ServedRef } from "@/lib/forms/served";
import { APIS } from "@/lib/k8s/apis";
import type { Identity } from "@/lib/k8s/types";
import { detailHref } from "@/lib/loadbalancer/create";
import { createResource, previewResource, ServedRefParams } from "@/lib/writes/create-resource";

// The page binds `ref` (its route params); it is re-validated here because a client can send
// anything, and a bad one is the form's error rather than a field's.

const BAD_REF = { message: "This address names no API resource; open the form from the catalog again." };

const onRef = <R>(fn: (identity: Identity, ref: ServedRef, values: unknown) => Promise<R>) =>
  userAction(
    z.object({ ref: z.unknown(), values: z.unknown() }),
    async ({ ref, values }, { identity }) => {
      const parsed = ServedRefParams.safeParse(ref);
      return parsed.success ? fn(identity, parsed.data, values) : fail({}, BAD_REF);
    },
    { returnTo: "/catalog" },
  );

const preview = onRef(previewResource);

const create = onRef(async (identity, ref, values) => {
  const r = await createResource(identity, ref, values);
  const isLoadBalancer = ref.group === APIS.loadBalancers.group && ref.resource === APIS.loadBalancers.resource;
  return r.ok && isLoadBalancer && r.namespace ? { ...r, href: detailHref(r.namespace, r.name) } : r;
});

/** Validation against the served schema and a server-side dry run; nothing is saved. */
export const previewResourceAction = async (ref: unknown, values: unknown) => preview({ ref, values });

/** Dry run, then create as the user; LoadBalancers then open on their own page. */
export const createResourceAction = async (ref: unknown, values: unknown) => create({ ref, values });
