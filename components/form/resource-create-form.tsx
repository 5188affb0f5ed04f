"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { submitButton } from "@/components/form/input-styles";
import type { FieldErrors, FormError, FormResult } from "@/lib/schema/action-result";
import { type FormModel, initialValues } from "@/lib/schema/form-model";
import { parseResourceInput } from "@/lib/schema/resource-input";
import { focusFirstError } from "./field-ids";
import { FormErrorPanel } from "./form-error-panel";
import { NameField } from "./name-field";
import { NamespaceSelect } from "./namespace-select";
import { PreviewPanel } from "./preview-panel";
import { SchemaField } from "./schema-field";
import { useHydrated } from "./use-hydrated";

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
  preview: (input: Input) => Promise<FormResult<{ yaml: string; kubectl: string }>>;
  create: (input: Input) => Promise<FormResult<{ namespace?: string; name: string; href?: string }>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [namespace, setNamespace] = useState(namespaces[0] ?? "");
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string | boolean>>(() => initialValues(model));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormError>();
  const [shown, setShown] = useState<{ yaml: string; kubectl: string } | null>(null);
  const [created, setCreated] = useState<string>();
  const input = (): Input => ({ namespace: model.namespaced ? namespace : undefined, name, values });
  const changed = (path: string) => {
    setShown(null);
    setCreated(undefined);
    setFormError(undefined);
    setErrors(({ [path]: _, ...rest }) => rest);
  };
  const failed = (fieldErrors: FieldErrors, error?: FormError) => {
    setShown(null);
    setErrors(fieldErrors);
    setFormError(error ?? (fieldErrors.form ? { message: fieldErrors.form } : undefined));
    requestAnimationFrame(() => focusFirstError(fieldErrors));
  };
  const review = () => {
    const local = parseResourceInput(model, input());
    if (!local.ok) return failed(local.fieldErrors);
    start(async () => {
      const r = await preview(input());
      if (r.ok) setShown(r);
      else failed(r.fieldErrors, r.formError);
    });
  };
  const submit = () =>
    start(async () => {
      const r = await create(input());
      if (!r.ok) return failed(r.fieldErrors, r.formError);
      if (r.href) return router.push(r.href);
      setShown(null);
      setCreated(
        `Created ${model.kind} ${r.name}. See it with: kubectl get ${model.plural}.${model.group} ${r.name}${r.namespace ? ` -n ${r.namespace}` : ""}`,
      );
    });

  return (
    <form
      noValidate
      aria-label={`New ${model.kind}`}
      className="flex max-w-2xl flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      {model.namespaced ? (
        <NamespaceSelect
          kind={model.kind}
          namespaces={namespaces}
          value={namespace}
          error={errors.namespace}
          onChange={(ns) => {
            changed("namespace");
            setNamespace(ns);
          }}
        />
      ) : null}
      <NameField
        kind={model.kind}
        value={name}
        error={errors.name}
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
          error={errors[f.path]}
          onChange={(v) => {
            changed(f.path);
            setValues((old) => ({ ...old, [f.path]: v }));
          }}
        />
      ))}
      {formError ? <FormErrorPanel error={formError} title={`The ${model.kind} was not created`} /> : null}
      {created ? (
        <output className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {created}
        </output>
      ) : null}
      <div>
        <button type="submit" className={submitButton} disabled={!hydrated || pending}>
          {pending && !shown ? "Checking with the cluster…" : "Review"}
        </button>
      </div>
      {shown ? (
        <PreviewPanel title="Review: what will be created" cluster="consumer" yaml={shown.yaml} kubectl={shown.kubectl}>
          <div>
            <button type="button" className={submitButton} disabled={!hydrated || pending} onClick={submit}>
              {pending ? "Creating…" : `Create ${model.kind}`}
            </button>
          </div>
        </PreviewPanel>
      ) : null}
    </form>
  );
}
