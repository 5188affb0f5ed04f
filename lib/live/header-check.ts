// Test traffic as a check: did the backend receive the header the settings ConfigMap asks for?
// Pure, so the comparison is tested with recorded echoes.

/** The request header the LoadBalancer's HTTPRoute adds, and the ConfigMap key it comes from. */
export const CUSTOM_HEADER = "X-Custom-Message";
export const CUSTOM_HEADER_KEY = "custom-header";
/** What the RGD sends when the ConfigMap has no custom-header. */
const FALLBACK = "none";

export type HeaderCheck =
  /** the backend got the expected value */
  | { state: "match"; expected: string; received: string }
  /** it got another value: the route still carries an older setting, or someone else's */
  | { state: "mismatch"; expected: string; received: string }
  /** the backend did not get the header at all */
  | { state: "missing"; expected: string }
  /** the backend's answer does not list the request's headers (not the echo backend) */
  | { state: "unknown"; expected: string };

/**
 * Compares what the backend echoed with the ConfigMap's value (`settings` is its data, or
 * undefined when there is none). Header names are case-insensitive.
 */
export function checkCustomHeader(
  settings: Record<string, string> | undefined,
  echoed: [string, string][] | undefined,
): HeaderCheck {
  const expected = settings?.[CUSTOM_HEADER_KEY] ?? FALLBACK;
  if (!echoed) return { state: "unknown", expected };
  const values = echoed.filter(([k]) => k.toLowerCase() === CUSTOM_HEADER.toLowerCase()).map(([, v]) => v);
  if (values.length === 0) return { state: "missing", expected };
  if (values.includes(expected)) return { state: "match", expected, received: expected };
  return { state: "mismatch", expected, received: values.join(", ") };
}
