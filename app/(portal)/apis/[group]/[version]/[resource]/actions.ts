"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/user-action";
import { detailHref } from "@/lib/loadbalancer/create";
import { LOADBALANCERS } from "@/lib/loadbalancer/resource";
import { fail } from "@/lib/schema/action-result";
import { createResource, previewResource, ServedRefParams } from "@/lib/schema/create-resource";

// The page binds `ref` (its route params); it is re-validated here because a client can send
// anything.

const BAD_REF = { message: "This address names no API resource; open the form from the catalog again." };
const Call = z.object({ ref: z.unknown(), values: z.unknown() });
const CATALOG = { returnTo: "/catalog" };

/** Validation against the served schema and a server-side dry run; nothing is saved. */
const preview = userAction(
  Call,
  async ({ ref, values }, { identity }) => {
    const parsed = ServedRefParams.safeParse(ref);
    return parsed.success ? previewResource(identity, parsed.data, values) : fail({}, BAD_REF);
  },
  CATALOG,
);

/** Dry run, then create as the user; LoadBalancers then open on their own page. */
const create = userAction(
  Call,
  async ({ ref, values }, { identity }) => {
    const parsed = ServedRefParams.safeParse(ref);
    if (!parsed.success) return fail({}, BAD_REF);
    const r = await createResource(identity, parsed.data, values);
    const isLoadBalancer = parsed.data.group === LOADBALANCERS.group && parsed.data.resource === LOADBALANCERS.resource;
    return r.ok && isLoadBalancer && r.namespace ? { ...r, href: detailHref(r.namespace, r.name) } : r;
  },
  CATALOG,
);

export async function previewResourceAction(ref: unknown, values: unknown) {
  return preview({ ref, values });
}

export async function createResourceAction(ref: unknown, values: unknown) {
  return create({ ref, values });
}
