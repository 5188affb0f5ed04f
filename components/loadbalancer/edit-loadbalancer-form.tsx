"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyEditAction, previewEditAction } from "@/app/(portal)/loadbalancers/[namespace]/[name]/actions";
import { FieldFrame } from "@/components/form/field-frame";
import { focusFirstError } from "@/components/form/field-ids";
import { FormErrorPanel } from "@/components/form/form-error-panel";
import { inputClass, submitButton } from "@/components/form/input-styles";
import { PreviewPanel } from "@/components/form/preview-panel";
import { SchemaField } from "@/components/form/schema-field";
import { useHydrated } from "@/components/form/use-hydrated";
import { EDITABLE_FIELDS, HEADER_FIELD, parseEdit } from "@/lib/loadbalancer/edit-input";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";
import type { FieldErrors, FormError } from "@/lib/schema/action-result";
import type { FormModel } from "@/lib/schema/form-model";

export interface EditableValues {
  domain?: string;
  targetPort?: number;
  header?: string;
}

/** Changes domain, port and header value, with the same dry-run preview as creating. */
export function EditLoadBalancerForm({
  model,
  namespace,
  name,
  current,
  configMap,
}: {
  model: FormModel;
  namespace: string;
  name: string;
  current: EditableValues;
  /** the referenced ConfigMap's name, and why its header cannot be edited (if so) */
  configMap: { name?: string; problem?: string };
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<string, string>>({
    "spec.domain": current.domain ?? "",
    "spec.targetPort": current.targetPort === undefined ? "" : String(current.targetPort),
  });
  const [header, setHeader] = useState(current.header ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError>();
  const [preview, setPreview] = useState<{ yaml: string; kubectl: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const fields = model.fields.filter((f) => EDITABLE_FIELDS.includes(f.path));
  const input = () => ({ namespace, name, values, header, expected: current });

  const reset = (path: string) => {
    setPreview(null);
    setSaved(false);
    setFormError(undefined);
    setErrors(({ [path]: _, ...rest }) => rest);
  };
  const failed = (fieldErrors: FieldErrors, error?: FormError) => {
    setPreview(null);
    setErrors(fieldErrors);
    setFormError(error ?? (fieldErrors.form ? { message: fieldErrors.form } : undefined));
    requestAnimationFrame(() => focusFirstError(fieldErrors));
  };
  const review = () => {
    const local = parseEdit(model, input());
    if (!local.ok) return failed(local.fieldErrors);
    start(async () => {
      const r = await previewEditAction(input());
      if (r.ok) setPreview(r);
      else failed(r.fieldErrors, r.formError);
    });
  };
  const apply = () =>
    start(async () => {
      const r = await applyEditAction(input());
      if (!r.ok) return failed(r.fieldErrors, r.formError);
      setPreview(null);
      setSaved(true);
      router.refresh();
    });

  return (
    <form
      noValidate
      aria-label="Change LoadBalancer"
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {fields.map((f) => (
        <SchemaField
          key={f.path}
          field={f}
          value={values[f.path]}
          error={errors[f.path]}
          onChange={(v) => {
            reset(f.path);
            setValues((old) => ({ ...old, [f.path]: String(v) }));
          }}
        />
      ))}
      <FieldFrame
        path={HEADER_FIELD}
        label={`Header value (${CUSTOM_HEADER_KEY})`}
        help={
          configMap.problem ??
          `Kept in the ConfigMap ${configMap.name}; sent to your Service as the X-Custom-Message header. Empty removes it.`
        }
        error={errors[HEADER_FIELD]}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            className={inputClass}
            disabled={Boolean(configMap.problem)}
            value={header}
            onChange={(e) => {
              reset(HEADER_FIELD);
              setHeader(e.target.value);
            }}
          />
        )}
      </FieldFrame>
      {formError ? <FormErrorPanel error={formError} title="Nothing was changed" /> : null}
      {saved ? (
        <output className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Saved. The provider picks up the change within seconds.
        </output>
      ) : null}
      <div>
        <button type="submit" className={submitButton} disabled={!hydrated || pending}>
          {pending && !preview ? "Checking with the cluster…" : "Review changes"}
        </button>
      </div>
      {preview ? (
        <PreviewPanel title="Review: what will change" cluster="consumer" yaml={preview.yaml} kubectl={preview.kubectl}>
          <div>
            <button type="button" className={submitButton} disabled={!hydrated || pending} onClick={apply}>
              {pending ? "Saving…" : "Apply changes"}
            </button>
          </div>
        </PreviewPanel>
      ) : null}
    </form>
  );
}
