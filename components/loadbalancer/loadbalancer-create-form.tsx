"use client";

import { useRouter } from "next/navigation";
import { splitNameError } from "@/components/form/form-error-panel";
import { NameField } from "@/components/form/name-field";
import { NamespaceSelect } from "@/components/form/namespace-select";
import { ReviewForm } from "@/components/form/review-form";
import { SchemaField } from "@/components/form/schema-field";
import { useReviewFlow } from "@/components/form/use-review-flow";
import type { FormModel } from "@/lib/forms/form-model";
import { createLoadBalancerAction, previewLoadBalancerAction } from "@/lib/loadbalancer/actions";
import { parseDraft } from "@/lib/loadbalancer/draft";
import { CUSTOM_HEADER_KEY } from "@/lib/loadbalancer/form";
import type { FormOptions } from "@/lib/loadbalancer/options";
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
  const router = useRouter();
  const flow = useReviewFlow({
    input: () => form.input(),
    check: (input) => parseDraft(model, input),
    preview: previewLoadBalancerAction,
    commit: createLoadBalancerAction,
    committed: (r) => router.push(r.href),
  });
  const form = useCreateForm(model, options.namespaces, flow.edited);
  const shown = splitNameError(flow.errors, flow.formError);

  return (
    <ReviewForm
      label="New LoadBalancer"
      flow={flow}
      formError={shown.formError}
      notDone="The LoadBalancer was not created"
      commit="Create LoadBalancer"
    >
      <NamespaceSelect
        kind="LoadBalancer"
        namespaces={options.namespaces}
        value={form.namespace}
        error={flow.errors.namespace}
        onChange={form.setNamespace}
      />
      <NameField
        kind="LoadBalancer"
        value={form.name}
        error={flow.errors.name}
        next={shown.nameNext}
        onChange={form.setName}
      />
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
            errors={flow.errors}
            onMode={form.setCmMode}
            onName={(n) => form.setValue(field.path, n)}
            onEntries={form.setEntries}
          />
        ) : (
          <div key={field.path} className="flex flex-col gap-3">
            {field.path === "spec.targetService" ? (
              <ServicePicker
                services={options.services}
                targets={options.targets}
                picked={{
                  namespace: String(form.values["spec.targetServiceNamespace"] ?? ""),
                  name: String(form.values["spec.targetService"] ?? ""),
                }}
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
              error={flow.errors[field.path]}
              onChange={(v) => form.setValue(field.path, v)}
            />
          </div>
        ),
      )}
    </ReviewForm>
  );
}
