import { NO_CACHE } from "@/lib/bind/protocol";

export const dynamic = "force-dynamic";

// The core APIs a permission claim may name (kube-bind's ClaimableAPIs), in upstream's JSON keys.
const claimable = [
  { plural: "configmaps", singular: "configmap", kind: "ConfigMap" },
  { plural: "secrets", singular: "secret", kind: "Secret" },
  { plural: "serviceaccounts", singular: "serviceaccount", kind: "ServiceAccount" },
].map((names) => ({
  Names: names,
  GroupVersionResource: { Group: "", Version: "v1", Resource: names.plural },
  Instance: {},
  ResourceScope: "Namespaced",
  HasStatus: false,
}));

export function GET() {
  return Response.json(claimable, { headers: NO_CACHE });
}
