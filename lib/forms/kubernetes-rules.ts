// Kubernetes naming and value rules (k8s.io/apimachinery/pkg/util/validation), as checks that
// return a plain-language problem or null. Pure: used by the validator in the browser and server.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIGMAP_KEY = /^[-._a-zA-Z0-9]+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export type Rule = "dns1123-label" | "dns1035-label" | "dns1123-subdomain" | "hostname" | "port" | "configmap-key";

function tooLong(what: string, value: string, max: number) {
  return value.length > max ? `${what} must be at most ${max} characters (it has ${value.length}).` : null;
}

function lowercaseHint(value: string) {
  return /[A-Z]/.test(value) ? " Use lowercase letters only." : "";
}

export function dns1123Label(value: string, what = "The name"): string | null {
  return (
    tooLong(what, value, 63) ??
    (DNS1123_LABEL.test(value)
      ? null
      : `${what} may contain only lowercase letters, digits and '-', and must start and end with a letter or digit.${lowercaseHint(value)}`)
  );
}

export function dns1035Label(value: string, what = "The name"): string | null {
  return (
    tooLong(what, value, 63) ??
    (DNS1035_LABEL.test(value)
      ? null
      : `${what} may contain only lowercase letters, digits and '-', must start with a letter and end with a letter or digit.${lowercaseHint(value)}`)
  );
}

export function dns1123Subdomain(value: string, what = "The name"): string | null {
  return (
    tooLong(what, value, 253) ??
    (DNS1123_SUBDOMAIN.test(value)
      ? null
      : `${what} may contain only lowercase letters, digits, '-' and '.', and each part must start and end with a letter or digit.${lowercaseHint(value)}`)
  );
}

/** An RFC 1123 hostname as a Gateway listener accepts it: lowercase, dotted labels, not an IP. */
export function hostname(value: string, what = "The domain"): string | null {
  const long = tooLong(what, value, 253);
  if (long) return long;
  if (IPV4.test(value)) return `${what} must be a hostname such as www.example.com, not an IP address.`;
  const labels = value.split(".");
  const bad = labels.find((l) => l.length > 63);
  if (bad) return `${what} has a part longer than 63 characters ("${bad.slice(0, 20)}…").`;
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return `${what} must be a hostname such as www.example.com: lowercase letters, digits and '-', in parts separated by dots, each starting and ending with a letter or digit.${lowercaseHint(value)}`;
  }
  return null;
}

export function port(value: number, what = "The port"): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 65535
    ? null
    : `${what} must be a whole number from 1 to 65535 (got ${value}).`;
}

export function configMapKey(value: string, what = "The key"): string | null {
  return (
    tooLong(what, value, 253) ??
    (CONFIGMAP_KEY.test(value) ? null : `${what} may contain only letters, digits, '-', '_' and '.'.`)
  );
}

const RULES: Record<Rule, (value: string, what: string) => string | null> = {
  port: (value, what) => port(Number(value), what),
  "dns1123-label": dns1123Label,
  "dns1035-label": dns1035Label,
  "dns1123-subdomain": dns1123Subdomain,
  hostname,
  "configmap-key": configMapKey,
};

/** Applies a named rule; `what` names the field in the message ("The domain"). */
export function checkRule(rule: Rule, value: string | number, what: string): string | null {
  return RULES[rule](String(value), what);
}
