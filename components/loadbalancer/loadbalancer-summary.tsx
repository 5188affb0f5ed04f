import type { FormModel } from "@/lib/forms/form-model";
import type { ConfigMapView, LoadBalancerObject } from "@/lib/loadbalancer/detail";

function show(v: unknown): string {
  return v === undefined || v === null || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** The LoadBalancer's spec, labelled as the form labels it, and its ConfigMap's settings. */
export function LoadBalancerSummary({
  model,
  lb,
  configMap,
}: {
  model: FormModel;
  lb: LoadBalancerObject;
  configMap?: ConfigMapView;
}) {
  const spec = lb.spec as Record<string, unknown>;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="spec-heading">
        <h2 id="spec-heading" className="text-lg font-semibold">
          Specification
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {model.fields.map((f) => (
            <div key={f.path} className="contents">
              <dt className="font-medium">{f.label}</dt>
              <dd data-field={f.path}>{show(spec[f.path.replace(/^spec\./, "")])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="text-lg font-semibold">
          Settings {configMap ? `(ConfigMap ${configMap.name})` : ""}
        </h2>
        {!configMap ? (
          <p className="mt-2 text-sm">This LoadBalancer references no ConfigMap.</p>
        ) : configMap.state === "missing" ? (
          <p className="mt-2 text-sm">
            The ConfigMap {configMap.name} does not exist in {lb.metadata.namespace}; the provider waits for it before
            it builds the load balancer.
          </p>
        ) : configMap.state === "forbidden" ? (
          <p className="mt-2 text-sm">You may not read the ConfigMap {configMap.name}.</p>
        ) : Object.keys(configMap.data).length === 0 ? (
          <p className="mt-2 text-sm">The ConfigMap {configMap.name} holds no settings.</p>
        ) : (
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(configMap.data).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium">{k}</dt>
                <dd data-setting={k}>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </div>
  );
}
