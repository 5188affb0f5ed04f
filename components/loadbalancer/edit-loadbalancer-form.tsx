"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/form/field-frame";
import { ReviewForm } from "@/components/form/review-form";
import { SchemaFields } from "@/components/form/schema-field";
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
    <ReviewForm
      label="Change LoadBalancer"
      gap="gap-4"
      flow={flow}
      formError={flow.formError}
      notDone="Nothing was changed"
      done={saved ? "Saved. The provider picks up the change within seconds." : undefined}
      review="Review changes"
      title="Review: what will change"
      commit="Apply changes"
      committing="Saving…"
    >
      <SchemaFields
        fields={fields}
        values={values}
        errors={flow.errors}
        onChange={(path, v) => {
          reset(path);
          setValues((old) => ({ ...old, [path]: String(v) }));
        }}
      />
      <TextField
        path={HEADER_FIELD}
        label={`Header value (${CUSTOM_HEADER_KEY})`}
        help={
          configMap.problem ??
          `Kept in the ConfigMap ${configMap.name}; sent to your Service as the X-Custom-Message header. Empty removes it.`
        }
        error={flow.errors[HEADER_FIELD]}
        input={{ disabled: Boolean(configMap.problem) }}
        value={header}
        onValue={(v) => {
          reset(HEADER_FIELD);
          setHeader(v);
        }}
      />
    </ReviewForm>
  );
}
