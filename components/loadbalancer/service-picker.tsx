"use client";

import { FieldFrame } from "@/components/form/field-frame";
import { inputClass } from "@/components/form/input-styles";
import type { ServiceOption } from "@/lib/loadbalancer/options";
import { describeShared, type SharedTarget } from "@/lib/loadbalancer/policy";

/**
 * Offers the Services of the consumer cluster the user can see and the platform's policy lets a
 * LoadBalancer target; picking one fills in the target Service, its namespace and port. The
 * fields stay editable for a Service only the provider knows. The choice is derived from those
 * fields, so it survives Review, Back and a failed submit, and clears when they are edited away.
 */
export function ServicePicker({
  services,
  targets,
  picked,
  onPick,
}: {
  services: ServiceOption[];
  targets?: SharedTarget[];
  /** the target fields' current values: the picker shows that Service while they name it */
  picked: { namespace: string; name: string };
  onPick: (s: ServiceOption) => void;
}) {
  const key = `${picked.namespace}/${picked.name}`;
  const value = services.some((s) => `${s.namespace}/${s.name}` === key) ? key : "";
  return (
    <FieldFrame
      path="service-picker"
      label="Pick a Service from your cluster (the consumer cluster)"
      help={`Services in namespaces of your cluster that you can read and the platform lets a LoadBalancer target${targets ? ` (its shared targets: ${describeShared(targets)})` : ""}. Picking one fills in the target Service, namespace and port below. The provider cluster reaches the Service with the same namespace and name through the multi-cluster network your platform team runs.`}
    >
      {(control) => (
        <select
          {...control}
          className={inputClass}
          value={value}
          onChange={(e) => {
            const s = services.find((x) => `${x.namespace}/${x.name}` === e.target.value);
            if (s) onPick(s);
          }}
        >
          <option value="">
            {services.length ? "Choose a Service…" : "No Services you can read that the platform allows"}
          </option>
          {services.map((s) => (
            <option key={`${s.namespace}/${s.name}`} value={`${s.namespace}/${s.name}`}>
              {s.name} in {s.namespace}
              {s.ports.length ? ` (port ${s.ports.join(", ")})` : ""}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
