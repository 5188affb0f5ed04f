// What the LoadBalancer form sends, checked with the CRD-derived validator plus Kubernetes rules,
// into a draft: the LoadBalancer's name, namespace and spec, and the ConfigMap of settings.
// Pure and isomorphic: the browser runs it for instant feedback, the server runs it again.
import { z } from "zod";
import type { FieldErrors } from "../forms/action-result";
import type { FormModel } from "../forms/form-model";
import { configMapKey, dns1123Label } from "../forms/kubernetes-rules";
import { fieldErrorsOf, formValidator } from "../forms/validator";
import { HEADER_KEY, type SharedTarget } from "./policy";
import { ruleErrors } from "./rules";

/** ConfigMap data is limited to 1 MiB in total by the apiserver. */
const MAX_DATA = 1_048_576;
// A single value may exceed MAX_DATA here (up to what an action call carries), so that it gets
// the settings' own "larger than 1 MiB" message rather than a malformed-form one.
const Entry = z.object({ key: z.string().max(300), value: z.string().max(2 * MAX_DATA) });

export const CreateInput = z.object({
  namespace: z.string().max(300),
  name: z.string().max(300),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
  configMap: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("new"), entries: z.array(Entry).max(100) }),
    z.object({ mode: z.literal("existing") }),
  ]),
});
export type CreateInput = z.infer<typeof CreateInput>;

export const CONFIGMAP_FIELD = "spec.configMapRef";

export interface Draft {
  namespace: string;
  name: string;
  /** the object fragment the form validator built, e.g. {spec: {...}} */
  fragment: Record<string, unknown> & { spec?: Record<string, unknown> };
  configMap: { mode: "new"; name: string; data: Record<string, string> } | { mode: "existing"; name: string };
}

export type DraftResult = { ok: true; draft: Draft } | { ok: false; fieldErrors: FieldErrors };

function entryErrors(entries: { key: string; value: string }[], errors: FieldErrors): Record<string, string> {
  const data: Record<string, string> = {};
  let size = 0;
  entries.forEach(({ key: rawKey, value }, i) => {
    const key = rawKey.trim();
    if (!key && !value) return; // an empty row is not a setting
    const field = `configMap.entries.${i}.key`;
    if (!key) {
      errors[field] =
        `Enter a key for the value "${value.slice(0, 40)}" (for example custom-header), or remove the row.`;
      return;
    }
    const bad = configMapKey(key, "The key");
    if (bad) errors[field] = bad;
    else if (key in data) errors[field] = `The key ${key} is used twice; each key may appear once.`;
    else data[key] = value;
    size += key.length + value.length;
  });
  if (size > MAX_DATA)
    errors["configMap.entries"] = "The settings are larger than 1 MiB, the most a ConfigMap can hold.";
  return data;
}

/**
 * The validator names the ConfigMap field by its schema label; the form shows it as "ConfigMap
 * name" (a new one, named after the LoadBalancer until changed) or as a choice of existing ones,
 * and the message must name the field the user sees.
 */
function configMapMessage(model: FormModel, message: string, mode: "new" | "existing", namespace: string): string {
  const label = model.fields.find((f) => f.path === CONFIGMAP_FIELD)?.label ?? "";
  const required = message === `${label} is required.`;
  if (mode === "existing")
    return required
      ? `ConfigMap in ${namespace || "the namespace"} is required: choose one, or create a new ConfigMap here.`
      : message.replace(label, `The ConfigMap's name`);
  return required
    ? "ConfigMap name is required: it is filled in from the LoadBalancer's name until you change it."
    : message.replace(label, "ConfigMap name");
}

/**
 * Checks everything that can be checked without a cluster, and with the platform's shared targets
 * (read from the provider, on the server) the target too.
 */
export function parseDraft(model: FormModel, raw: unknown, shared?: SharedTarget[]): DraftResult {
  const input = CreateInput.safeParse(raw);
  if (!input.success)
    return { ok: false, fieldErrors: { form: "The form sent data this page does not understand; reload the page." } };
  const { namespace, name, values, configMap } = input.data;
  const errors: FieldErrors = {};
  const ns = namespace.trim();
  const n = name.trim();
  if (!ns) errors.namespace = "Choose a namespace.";
  else if (dns1123Label(ns, "The namespace")) errors.namespace = dns1123Label(ns, "The namespace") as string;
  if (!n) errors.name = "Name is required.";
  else if (dns1123Label(n, "Name")) errors.name = dns1123Label(n, "Name") as string;

  const spec = formValidator(model).safeParse(values);
  if (!spec.success) Object.assign(errors, fieldErrorsOf(spec.error));
  const cmError = errors[CONFIGMAP_FIELD];
  if (cmError) errors[CONFIGMAP_FIELD] = configMapMessage(model, cmError, configMap.mode, ns);
  const data = configMap.mode === "new" ? entryErrors(configMap.entries, errors) : {};
  const headerAt = configMap.mode === "new" ? configMap.entries.findIndex((e) => e.key.trim() === HEADER_KEY) : -1;
  ruleErrors(
    {
      spec: {
        domain: values["spec.domain"],
        targetService: values["spec.targetService"],
        targetServiceNamespace: values["spec.targetServiceNamespace"],
      },
      header:
        headerAt >= 0
          ? {
              value: (configMap.mode === "new" && configMap.entries[headerAt].value) || "",
              field: `configMap.entries.${headerAt}.value`,
            }
          : undefined,
      shared,
    },
    errors,
  );
  if (Object.keys(errors).length > 0 || !spec.success) return { ok: false, fieldErrors: errors };

  const cmName = String(values[CONFIGMAP_FIELD] ?? "").trim();
  return {
    ok: true,
    draft: {
      namespace: ns,
      name: n,
      fragment: spec.data,
      configMap: configMap.mode === "new" ? { mode: "new", name: cmName, data } : { mode: "existing", name: cmName },
    },
  };
}
