import { Section } from "@/components/ui/section";
import type { LoadBalancerView, ProviderObjectName } from "@/lib/live/types";
import { objectYaml } from "./object-yaml";

/** The provider objects worth reading as YAML, in the order kro and Envoy Gateway make them. */
const PROVIDER: { key: ProviderObjectName; label: string }[] = [
  { key: "loadBalancer", label: "LoadBalancer (the konnector's copy)" },
  { key: "configMap", label: "ConfigMap (the konnector's copy)" },
  { key: "referenceGrant", label: "ReferenceGrant" },
  { key: "gateway", label: "Gateway" },
  { key: "httpRoute", label: "HTTPRoute" },
  { key: "envoyService", label: "Service (Envoy proxy)" },
];

function YamlBlock({ label, obj }: { label: string; obj: unknown }) {
  const name = (obj as { metadata?: { name?: string } }).metadata?.name;
  return (
    <section aria-label={`YAML of ${label}`} className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">
        {label} <code className="font-normal">{name}</code>
      </h3>
      {/* Wrapped rather than scrolled: a scrolling region would need its own keyboard stop. */}
      <pre className="whitespace-pre-wrap break-all rounded-md bg-surface-sunken p-3 text-xs">{objectYaml(obj)}</pre>
    </section>
  );
}

/** The YAML tab: your LoadBalancer and its settings, then what the provider holds, where visible. */
export function YamlTab({ view }: { view: LoadBalancerView }) {
  const { consumer, provider } = view.objects;
  const visible = PROVIDER.filter((p) => provider[p.key]);
  return (
    <div className="flex flex-col gap-8">
      <Section id="yaml-consumer" title="Your cluster's objects" gap="gap-4">
        {consumer.loadBalancer ? <YamlBlock label="LoadBalancer" obj={consumer.loadBalancer} /> : null}
        {consumer.configMap ? (
          <YamlBlock label="ConfigMap" obj={consumer.configMap} />
        ) : (
          <p className="text-sm">The settings ConfigMap does not exist or you may not read it.</p>
        )}
      </Section>
      <Section id="yaml-provider" title="The provider cluster's objects" gap="gap-4">
        {visible.length === 0 ? (
          <p className="text-sm">Nothing on the provider cluster is visible for it yet.</p>
        ) : (
          visible.map((p) => <YamlBlock key={p.key} label={p.label} obj={provider[p.key]} />)
        )}
      </Section>
    </div>
  );
}
