// A failed write (a KubeError, structurally) → the message a person needs, next to the field it is
// about, with the next step. Pure: the same rules serve every form (and the one place a thrown
// KubeError becomes a form failure: explainedFailure).

import { type FieldErrors, type FormError, type FormFailure, fail } from "../forms/action-result";
import { KubeError } from "../k8s/errors";

export interface KubeFailure {
  cluster: string;
  status: number;
  reason: string;
  message: string;
  details?: { name?: string; kind?: string; causes?: { field?: string; message?: string }[] };
}

export interface WriteContext {
  verb: "create" | "update" | "delete";
  /** "LoadBalancer", "ConfigMap" */
  kind: string;
  namespace?: string;
  name: string;
  /** the form field that holds the object's name ("name", "spec.configMapRef") */
  nameField: string;
  /** the form field that holds the namespace, if the form has one */
  namespaceField?: string;
  /** every field path of the form, to attach causes and policy messages to */
  fields: string[];
  /** cause field prefixes that belong to a form field, e.g. {data: "configMap.entries"} */
  fieldMap?: Record<string, string>;
  /** where the existing object of that name can be seen */
  existingHref?: string;
  /** said after "already exists", e.g. how to use the existing object instead */
  alreadyExistsHint?: string;
  /** appended to form-level messages, e.g. "Nothing was created." */
  outcome?: string;
}

export interface Explained {
  fieldErrors: FieldErrors;
  formError?: FormError;
}

const RBAC_DENIAL = /cannot (get|list|create|update|patch|delete)/;
const ADMISSION = /denied (the )?request|admission webhook|ValidatingAdmissionPolicy/i;
export const CATALOG_NEXT = { href: "/catalog", label: "Bind it from the catalog" };

function withOutcome(message: string, ctx: WriteContext) {
  return ctx.outcome ? `${message} ${ctx.outcome}` : message;
}

/** The form field a Kubernetes field path (a cause, or a path named in a message) belongs to. */
function formField(path: string, ctx: WriteContext): string | undefined {
  const p = path.replace(/^\.+/, "");
  if (p === "metadata.name") return ctx.nameField;
  if (p === "metadata.namespace") return ctx.namespaceField;
  const direct = [...ctx.fields].sort((a, b) => b.length - a.length).find((f) => p === f || p.startsWith(`${f}.`));
  if (direct) return direct;
  const mapped = Object.entries(ctx.fieldMap ?? {}).find(([prefix]) => p === prefix || p.startsWith(prefix));
  return mapped?.[1];
}

/** The first form field a free-text message names (longest paths first, e.g. "spec.domain"). */
function fieldNamedIn(message: string, ctx: WriteContext): string | undefined {
  const candidates = [...ctx.fields, "metadata.name"].sort((a, b) => b.length - a.length);
  const hit = candidates.find((f) => message.includes(f));
  return hit ? formField(hit, ctx) : undefined;
}

function place(field: string | undefined, message: string, ctx: WriteContext): Explained {
  return field
    ? { fieldErrors: { [field]: message } }
    : { fieldErrors: {}, formError: { message: withOutcome(message, ctx) } };
}

export function explainWriteError(e: KubeFailure, ctx: WriteContext): Explained {
  const where = ctx.namespace ? ` in namespace ${ctx.namespace}` : "";
  const cluster = `the ${e.cluster} cluster`;
  if (e.status === 0) {
    return { fieldErrors: {}, formError: { message: withOutcome(`${cap(cluster)} did not answer; try again.`, ctx) } };
  }
  if (e.status === 409 && e.reason === "AlreadyExists") {
    const message = `A ${ctx.kind} named ${ctx.name} already exists${where}. Choose another name${ctx.existingHref ? ", or open the existing one" : ""}.${ctx.alreadyExistsHint ? ` ${ctx.alreadyExistsHint}` : ""}`;
    return {
      fieldErrors: { [ctx.nameField]: message },
      ...(ctx.existingHref
        ? {
            formError: {
              message: withOutcome(message, ctx),
              next: { href: ctx.existingHref, label: `Open ${ctx.name}` },
            },
          }
        : {}),
    };
  }
  if (e.status === 409) {
    return {
      fieldErrors: {},
      formError: {
        message: withOutcome(
          `The ${ctx.kind} ${ctx.name} was changed by someone else since this page was loaded. Reload to see the current values, then make your change again.`,
          ctx,
        ),
      },
    };
  }
  if (ADMISSION.test(e.message)) {
    const message = `${cap(cluster)}'s admission control refused this ${ctx.kind}: ${e.message}. Change the value, or ask your platform team about the policy.`;
    const cause = e.details?.causes?.find((c) => c.field && formField(c.field, ctx));
    return place((cause?.field && formField(cause.field, ctx)) ?? fieldNamedIn(e.message, ctx), message, ctx);
  }
  if (e.status === 403 && RBAC_DENIAL.test(e.message)) {
    const who = /User "([^"]+)"/.exec(e.message)?.[1];
    const message = `${who ? `${who} may` : "You may"} not ${ctx.verb} ${ctx.kind}s${where} on ${cluster}. ${
      ctx.verb === "create" && ctx.namespaceField ? "Choose a namespace where you have the edit role, or ask" : "Ask"
    } the namespace's owners for access.`;
    return place(ctx.verb === "create" ? ctx.namespaceField : undefined, message, ctx);
  }
  if (e.status === 404) {
    if (e.details?.kind === "namespaces") {
      return place(ctx.namespaceField, `The namespace ${ctx.namespace} does not exist on ${cluster}.`, ctx);
    }
    if (e.details?.name === ctx.name) {
      return place(undefined, `The ${ctx.kind} ${ctx.name} no longer exists${where}.`, ctx);
    }
    return {
      fieldErrors: {},
      formError: {
        message: withOutcome(
          `The ${ctx.kind} API is not served by ${cluster}: the export is not bound (or the binding was removed).`,
          ctx,
        ),
        next: CATALOG_NEXT,
      },
    };
  }
  if (e.status === 422 && e.details?.causes?.length) {
    const out: Explained = { fieldErrors: {} };
    const loose: string[] = [];
    for (const c of e.details.causes) {
      const field = c.field ? formField(c.field, ctx) : undefined;
      const text = `${cap(cluster)} rejected this value: ${c.message ?? e.message}`;
      if (field) out.fieldErrors[field] ??= text;
      else loose.push(`${c.field ? `${c.field}: ` : ""}${c.message ?? ""}`);
    }
    if (loose.length)
      out.formError = { message: withOutcome(`${cap(cluster)} rejected the ${ctx.kind}: ${loose.join("; ")}`, ctx) };
    return out;
  }
  return place(
    undefined,
    `${cap(cluster)} refused to ${ctx.verb} the ${ctx.kind} ${ctx.name}: ${e.status} ${e.reason}: ${e.message}`,
    ctx,
  );
}

function cap(s: string) {
  return s[0].toUpperCase() + s.slice(1);
}

/** A thrown KubeError as the form's failure; anything else is a bug and is rethrown. */
export function explainedFailure(e: unknown, ctx: WriteContext): FormFailure {
  if (!(e instanceof KubeError)) throw e;
  const { fieldErrors, formError } = explainWriteError(e, ctx);
  return fail(fieldErrors, formError);
}
