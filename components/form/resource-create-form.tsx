"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormResult } from "@/lib/forms/action-result";
import { type FormModel, initialValues } from "@/lib/forms/form-model";
import { parseResourceInput } from "@/lib/forms/resource-input";
import { FormErrorPanel, splitNameError } from "./form-error-panel";
import { NameField } from "./name-field";
import { NamespaceSelect } from "./namespace-select";
import { ReviewControls } from "./review-controls";
import { SchemaField } from "./schema-field";
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
    <form
      noValidate
      aria-label={`New ${model.kind}`}
      className="flex max-w-2xl flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        flow.review();
      }}
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
      {model.fields.map((f) => (
        <SchemaField
          key={f.path}
          field={f}
          value={values[f.path]}
          error={flow.errors[f.path]}
          onChange={(v) => {
            changed(f.path);
            setValues((old) => ({ ...old, [f.path]: v }));
          }}
        />
      ))}
      {shown.formError ? <FormErrorPanel error={shown.formError} title={`The ${model.kind} was not created`} /> : null}
      {created ? (
        <output className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {created}
        </output>
      ) : null}
      <ReviewControls
        flow={flow}
        title="Review: what will be created"
        commit={`Create ${model.kind}`}
        committing="Creating…"
      />
    </form>
  );
}
