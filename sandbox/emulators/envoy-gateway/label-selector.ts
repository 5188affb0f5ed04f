// metav1.LabelSelector as Kubernetes parses it (LabelSelectorAsSelector), for a listener's
// allowedRoutes.namespaces.selector. Parse errors carry apimachinery's wording, because Envoy
// Gateway puts that error into the listener's condition message. Label key and value syntax is not
// checked (the API server does not check it in a Gateway either).
import type { LabelSelector } from "./types";

export type ParsedSelector =
  | { ok: true; matches(labels: Record<string, string>): boolean }
  | { ok: false; error: string };

type Requirement = (labels: Record<string, string>) => boolean;

/** apimachinery's field.Invalid(...).Error() for a list of values: `values: Invalid value: [...]: detail`. */
const invalidValues = (values: string[] | undefined, detail: string) =>
  `values: Invalid value: ${JSON.stringify(values ?? null)}: ${detail}`;

export function parseLabelSelector(selector: LabelSelector): ParsedSelector {
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push((labels) => labels[key] === value);
  }
  for (const expr of selector.matchExpressions ?? []) {
    // An empty list becomes nil in Go, which JSON prints as null.
    const values = expr.values?.length ? expr.values : undefined;
    const has = (labels: Record<string, string>) => Object.hasOwn(labels, expr.key);
    switch (expr.operator) {
      case "In":
      case "NotIn": {
        if (!values)
          return { ok: false, error: invalidValues(values, "for 'in', 'notin' operators, values set can't be empty") };
        const set = new Set(values);
        requirements.push(
          expr.operator === "In"
            ? (labels) => has(labels) && set.has(labels[expr.key])
            : (labels) => !has(labels) || !set.has(labels[expr.key]),
        );
        break;
      }
      case "Exists":
      case "DoesNotExist":
        if (values) {
          return { ok: false, error: invalidValues(values, "values set must be empty for exists and does not exist") };
        }
        requirements.push(expr.operator === "Exists" ? has : (labels) => !has(labels));
        break;
      default:
        return { ok: false, error: `${JSON.stringify(expr.operator)} is not a valid label selector operator` };
    }
  }
  return { ok: true, matches: (labels) => requirements.every((r) => r(labels)) };
}
