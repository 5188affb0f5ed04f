"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { createLoadBalancerAction, previewLoadBalancerAction } from "@/app/(portal)/loadbalancers/new/actions";
import { focusFirstError } from "@/components/form/field-ids";
import { FormErrorPanel } from "@/components/form/form-error-panel";
import { submitButton } from "@/components/form/input-styles";
import { NameField } from "@/components/form/name-field";
import { NamespaceSelect } from "@/components/form/namespace-select";
import { PreviewPanel } from "@/components/form/preview-panel";
import { SchemaField } from "@/components/form/schema-field";
import { useHydrated } from "@/components/form/use-hydrated";
import { parseDraft } from "@/lib/loadbalancer/draft";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";
import type { FormOptions } from "@/lib/loadbalancer/options";
import type { FieldErrors, FormError } from "@/lib/schema/action-result";
import type { FormModel } from "@/lib/schema/form-model";
import { ConfigMapSettings } from "./configmap-settings";
import { ServicePicker } from "./service-picker";
import { useCreateForm } from "./use-create-form";

const KNOWN_KEYS = [
  { key: CUSTOM_HEADER_KEY, meaning: "Sent to your Service as the X-Custom-Message request header." },
];

/**
 * The LoadBalancer form generated from the CRD the consumer serves, with pickers for its
 * references. Review runs validation and a server-side dry run and shows the YAML; only then can
 * the user create, and lands on the new LoadBalancer's page.
 */
export function LoadBalancerCreateForm({ model, options }: { model: FormModel; options: FormOptions }) {
  const form = useCreateForm(model, options.namespaces);
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();

  const failed = (fieldErrors: FieldErrors, formError?: FormError) => {
    form.showErrors(fieldErrors, formError);
    requestAnimationFrame(() => focusFirstError(fieldErrors));
  };

  const review = () => {
    const local = parseDraft(model, form.input());
    if (!local.ok) return failed(local.fieldErrors);
    start(async () => {
      const r = await previewLoadBalancerAction(form.input());
      if (r.ok) form.showPreview(r);
      else failed(r.fieldErrors, r.formError);
    });
  };

  const create = () =>
    start(async () => {
      const r = await createLoadBalancerAction(form.input());
      if (r.ok) router.push(r.href);
      else failed(r.fieldErrors, r.formError);
    });

  return (
    <form
      noValidate
      aria-label="New LoadBalancer"
      className="flex max-w-2xl flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      <NamespaceSelect
        kind="LoadBalancer"
        namespaces={options.namespaces}
        value={form.namespace}
        error={form.errors.namespace}
        onChange={form.setNamespace}
      />
      <NameField kind="LoadBalancer" value={form.name} error={form.errors.name} onChange={form.setName} />
      {model.fields.map((field) =>
        field.widget === "configmap" ? (
          <ConfigMapSettings
            key={field.path}
            field={field}
            namespace={form.namespace}
            mode={form.cmMode}
            name={String(form.values[field.path] ?? "")}
            entries={form.entries}
            existing={options.configMaps[form.namespace] ?? []}
            knownKeys={KNOWN_KEYS}
            errors={form.errors}
            onMode={form.setCmMode}
            onName={(n) => form.setValue(field.path, n)}
            onEntries={form.setEntries}
          />
        ) : (
          <div key={field.path} className="flex flex-col gap-3">
            {field.path === "spec.targetService" ? (
              <ServicePicker
                services={options.services}
                onPick={(s) =>
                  form.setValuesAt({
                    "spec.targetService": s.name,
                    "spec.targetServiceNamespace": s.namespace,
                    ...(s.ports[0] ? { "spec.targetPort": String(s.ports[0]) } : {}),
                  })
                }
              />
            ) : null}
            <SchemaField
              field={field}
              value={form.values[field.path]}
              error={form.errors[field.path]}
              onChange={(v) => form.setValue(field.path, v)}
            />
          </div>
        ),
      )}
      {form.formError ? <FormErrorPanel error={form.formError} title="The LoadBalancer was not created" /> : null}
      <div>
        <button type="submit" className={submitButton} disabled={!hydrated || pending}>
          {pending && !form.preview ? "Checking with the cluster…" : "Review"}
        </button>
      </div>
      {form.preview ? (
        <PreviewPanel
          title="Review: what will be created"
          cluster="consumer"
          yaml={form.preview.yaml}
          kubectl={form.preview.kubectl}
        >
          <div>
            <button type="button" className={submitButton} disabled={!hydrated || pending} onClick={create}>
              {pending ? "Creating…" : "Create LoadBalancer"}
            </button>
          </div>
        </PreviewPanel>
      ) : null}
    </form>
  );
}
