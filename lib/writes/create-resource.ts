import "server-only";
import { z } from "zod";
import { type FormResult, fail } from "../forms/action-result";
import { type FormModel, formModel } from "../forms/form-model";
import { dns1123Label, dns1123Subdomain } from "../forms/kubernetes-rules";
import { parseResourceInput } from "../forms/resource-input";
import { type ServedRef, servedSchema } from "../forms/served";
import { portalIdentityClient, userClient } from "../k8s/clusters";
import { namespacesWhereUserCan } from "../k8s/namespaces";
import type { Identity } from "../k8s/types";
import { CATALOG_NEXT } from "./explain-error";
import { kubectlApply, resourceObject, toYaml } from "./objects";
import { commitAll, dryRunAll, type Write } from "./write-flow";

/** Route params of /apis/[group]/[version]/[resource]; anything else is not a resource. */
export const ServedRefParams = z.object({
  group: z.string().refine((g) => dns1123Subdomain(g) === null),
  version: z.string().refine((v) => dns1123Label(v) === null),
  resource: z.string().refine((r) => dns1123Label(r) === null),
});

export type ResourceForm =
  | { state: "not-served" | "no-schema" }
  | { state: "ready"; model: FormModel; namespaces: string[] };

/** What the generic form needs: the served schema and the namespaces the user may create in. */
export async function resourceForm(identity: Identity, ref: ServedRef): Promise<ResourceForm> {
  const user = await userClient("consumer", identity);
  const served = await servedSchema(user, ref);
  if (served.state !== "served") return { state: served.state };
  const model = formModel(served.kind);
  const namespaces = model.namespaced
    ? await namespacesWhereUserCan(await portalIdentityClient("consumer"), user, {
        verb: "create",
        group: ref.group,
        resource: ref.resource,
      })
    : [];
  return { state: "ready", model, namespaces };
}

export type ResourcePreview = FormResult<{ yaml: string; kubectl: string }>;
export type ResourceCreated = FormResult<{ namespace?: string; name: string }>;

async function prepare(identity: Identity, ref: ServedRef, raw: unknown) {
  const user = await userClient("consumer", identity);
  const served = await servedSchema(user, ref);
  if (served.state !== "served") {
    return fail(
      {},
      {
        message: `The ${ref.resource}.${ref.group} API is not bound to your cluster. Nothing was created.`,
        next: CATALOG_NEXT,
      },
    );
  }
  const model = formModel(served.kind);
  const parsed = parseResourceInput(model, raw);
  if (!parsed.ok) return fail(parsed.fieldErrors);
  const { draft } = parsed;
  const object = resourceObject(model, draft, draft.fragment);
  const resourceRef = { ...ref, namespace: draft.namespace };
  const ctx = {
    verb: "create" as const,
    kind: model.kind,
    namespace: draft.namespace,
    name: draft.name,
    nameField: "name",
    namespaceField: model.namespaced ? "namespace" : undefined,
    fields: model.fields.map((f) => f.path),
    outcome: "Nothing was created.",
  };
  const write: Write = {
    ctx,
    dryRun: () => user.create(resourceRef, object, { dryRun: true }),
    commit: () => user.create(resourceRef, object),
  };
  return { draft, object, write };
}

export async function previewResource(identity: Identity, ref: ServedRef, raw: unknown): Promise<ResourcePreview> {
  const p = await prepare(identity, ref, raw);
  if ("ok" in p) return p;
  const checked = await dryRunAll([p.write]);
  if (!checked.ok) return checked;
  const yaml = toYaml([p.object]);
  return { ok: true, yaml, kubectl: kubectlApply(yaml) };
}

export async function createResource(identity: Identity, ref: ServedRef, raw: unknown): Promise<ResourceCreated> {
  const p = await prepare(identity, ref, raw);
  if ("ok" in p) return p;
  const { namespace, name } = p.draft;
  const audit = { user: identity.user, action: "create", resource: `${ref.resource}.${ref.group}`, namespace, name };
  const checked = await dryRunAll([p.write]);
  const failed = checked.ok ? await commitAll([p.write], audit, "object created") : checked;
  return failed ?? { ok: true, namespace, name };
}
