"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormResult } from "@/lib/forms/action-result";
import { type FormModel, initialValues } from "@/lib/forms/form-model";
import { parseResourceInput } from "@/lib/forms/resource-input";
import { splitNameError } from "./form-error-panel";
import { NameField } from "./name-field";
import { NamespaceSelect } from "./namespace-select";
import { ReviewForm } from "./review-form";
import { SchemaFields } from "./schema-field";
import { type Preview, useReviewFlow } from "./use-review-flow";

type Input = { namespace?: string; name: string; values: Record<string, string | boolean> };

/** The form any bound export gets: generated from the schema the consumer serves. */
export function ResourceCreateForm({
  model,
  namespaces,
  preview,
  create,
}: {
  model: FormModel;
  namespaces: string[];
  preview: (input: Input) => Promise<FormResult<Preview>>;
  create: (input: Input) => Promise<FormResult<{ namespace?: string; name: string; href?: string }>>;
}) {
  const router = useRouter();
  const [namespace, setNamespace] = useState(namespaces[0] ?? "");
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string | boolean>>(() => initialValues(model));
  const [created, setCreated] = useState<string>();
  const flow = useReviewFlow({
    input: (): Input => ({ namespace: model.namespaced ? namespace : undefined, name, values }),
    check: (input) => parseResourceInput(model, input),
    preview,
    commit: create,
    committed: (r) => {
      if (r.href) return router.push(r.href);
      const where = r.namespace ? ` -n ${r.namespace}` : "";
      setCreated(
        `Created ${model.kind} ${r.name}. See it with: kubectl get ${model.plural}.${model.group} ${r.name}${where}`,
      );
    },
  });
  const shown = splitNameError(flow.errors, flow.formError);
  const changed = (path: string) => {
    flow.edited(path);
    setCreated(undefined);
  };

  return (
    <ReviewForm
      label={`New ${model.kind}`}
      flow={flow}
      formError={shown.formError}
      notDone={`The ${model.kind} was not created`}
      done={created}
      commit={`Create ${model.kind}`}
    >
      {model.namespaced ? (
        <NamespaceSelect
          kind={model.kind}
          namespaces={namespaces}
          value={namespace}
          error={flow.errors.namespace}
          onChange={(ns) => {
            changed("namespace");
            setNamespace(ns);
          }}
        />
      ) : null}
      <NameField
        kind={model.kind}
        value={name}
        error={flow.errors.name}
        next={shown.nameNext}
        onChange={(n) => {
          changed("name");
          setName(n);
        }}
      />
      <SchemaFields
        fields={model.fields}
        values={values}
        errors={flow.errors}
        onChange={(path, v) => {
          changed(path);
          setValues((old) => ({ ...old, [path]: v }));
        }}
      />
    </ReviewForm>
  );
}
