import type { ProviderSide } from "@/lib/loadbalancer/provider-side";

/** What exists on the provider cluster for this LoadBalancer, as a list. */
export function ProviderObjects({ side }: { side: ProviderSide }) {
  if (side.state === "not-synced") {
    return <p className="text-sm">Nothing exists on the provider cluster for it yet.</p>;
  }
  if (side.state === "unavailable") {
    return <p className="text-sm">The provider side could not be read, so it cannot be listed here: {side.message}</p>;
  }
  return (
    <ul className="list-disc pl-5 text-sm">
      {side.objects.map((o) => (
        <li key={`${o.kind}/${o.namespace}/${o.name}`}>
          {o.kind} <strong>{o.name}</strong>
          {o.namespace ? <> in {o.namespace}</> : null}
          {o.note ? <span className="text-slate-600 dark:text-slate-400"> — {o.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
