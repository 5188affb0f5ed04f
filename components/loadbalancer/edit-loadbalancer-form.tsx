"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldFrame } from "@/components/form/field-frame";
import { FormErrorPanel } from "@/components/form/form-error-panel";
import { inputClass } from "@/components/form/input-styles";
import { ReviewControls } from "@/components/form/review-controls";
import { SchemaField } from "@/components/form/schema-field";
import { useReviewFlow } from "@/components/form/use-review-flow";
import type { FormModel } from "@/lib/forms/form-model";
import { applyEditAction, previewEditAction } from "@/lib/loadbalancer/actions";
import { EDITABLE_FIELDS, HEADER_FIELD, parseEdit } from "@/lib/loadbalancer/edit-input";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";

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
  const [values, setValues] = useState<Record<string, string>>({
    "spec.domain": current.domain ?? "",
    "spec.targetPort": current.targetPort === undefined ? "" : String(current.targetPort),
  });
  const [header, setHeader] = useState(current.header ?? "");
  const [saved, setSaved] = useState(false);
  const fields = model.fields.filter((f) => EDITABLE_FIELDS.includes(f.path));
  const flow = useReviewFlow({
    input: () => ({ namespace, name, values, header, expected: current }),
    check: (input) => parseEdit(model, input),
    preview: previewEditAction,
    commit: applyEditAction,
    committed: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const reset = (path: string) => {
    flow.edited(path);
    setSaved(false);
  };

  return (
    <form
      noValidate
      aria-label="Change LoadBalancer"
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        flow.review();
      }}
    >
      {fields.map((f) => (
        <SchemaField
          key={f.path}
          field={f}
          value={values[f.path]}
          error={flow.errors[f.path]}
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
        error={flow.errors[HEADER_FIELD]}
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
      {flow.formError ? <FormErrorPanel error={flow.formError} title="Nothing was changed" /> : null}
      {saved ? (
        <output className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Saved. The provider picks up the change within seconds.
        </output>
      ) : null}
      <ReviewControls
        flow={flow}
        review="Review changes"
        title="Review: what will change"
        commit="Apply changes"
        committing="Saving…"
      />
    </form>
  );
}
