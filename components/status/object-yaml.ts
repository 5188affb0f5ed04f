import { stringify } from "yaml";

/**
 * An object as YAML for people to read. Never shows Secret data (the views hold none today, but
 * a future object in the tree must not leak it), nor managedFields or the kubectl annotation.
 */
export function objectYaml(obj: unknown): string {
  if (!obj || typeof obj !== "object") return "";
  const copy = structuredClone(obj) as {
    kind?: string;
    data?: unknown;
    stringData?: unknown;
    metadata?: { managedFields?: unknown; annotations?: Record<string, string> };
  };
  if (copy.kind === "Secret") {
    delete copy.data;
    delete copy.stringData;
  }
  if (copy.metadata) {
    delete copy.metadata.managedFields;
    delete copy.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"];
  }
  return stringify(copy, { lineWidth: 0 });
}
