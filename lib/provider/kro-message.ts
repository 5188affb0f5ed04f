// kro's reasons for rejecting a ResourceGraphDefinition, in plain words. Pure. kro's own text is
// always shown as well (Problem.detail); this only says what it means for the person fixing it.

import { ADDRESS_EXPRESSION } from "./fixes";

interface Rule {
  match: RegExp;
  say: (m: RegExpExecArray) => string;
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => `status.${s}`)
    .join(", ");

const RULES: Rule[] = [
  {
    // kro v0.4+: "status fields without expressions are not supported: [address]"
    match: /status fields without expressions are not supported: \[([^\]]*)\]/,
    say: (m) =>
      `kro only accepts expressions in an RGD's status, and ${list(m[1])} is a plain type (like "address: string", as in older guides). ` +
      `Give each status field an expression that reads a resource, e.g. address: ${ADDRESS_EXPRESSION}.`,
  },
  {
    match: /(?:unknown|undeclared|undefined) (?:identifier|reference|variable)s?[^:]*:?\s*(.*)/i,
    say: (m) =>
      `An expression in the RGD refers to something it does not define${m[1] ? ` (${m[1].trim()})` : ""}: use a resource id from spec.resources or schema.`,
  },
  {
    match: /no matches for kind "?([\w.]+)"?|failed to (?:get|find) (?:the )?(?:CRD|schema|resource)[^:]*:?\s*(.*)/i,
    say: (m) =>
      `A resource in the RGD is of a kind the provider does not serve${m[1] ? ` (${m[1]})` : ""}: install that API's CRDs first, then apply the RGD again.`,
  },
  {
    match: /cycle|circular/i,
    say: () => "The RGD's resources depend on each other in a circle: one of them must not refer to the other.",
  },
  {
    match: /failed to (?:parse|build|compile)[^:]*schema[^:]*:?\s*(.*)/i,
    say: (m) => `kro could not read the RGD's schema${m[1] ? `: ${m[1]}` : ""}. Check the types in spec.schema.`,
  },
];

/** What kro's message means; undefined when it says nothing kro-specific we recognise. */
export function explainKroMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  for (const rule of RULES) {
    const m = rule.match.exec(message);
    if (m) return rule.say(m);
  }
  return undefined;
}
