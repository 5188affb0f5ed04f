// Whether two JSON values are equal whatever the order of their keys: a synced copy comes back
// from the provider's apiserver with its keys in another order than the consumer's object.
// Objects from the watch hub are replaced, never changed in place, and live views compare the
// same ones on every recomputation, so each object's canonical form is computed once.

const canonicalForms = new WeakMap<object, string>();

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

function canonicalJson(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return JSON.stringify(value);
  let form = canonicalForms.get(value);
  if (form === undefined) {
    form = JSON.stringify(canonical(value));
    canonicalForms.set(value, form);
  }
  return form;
}

export const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
