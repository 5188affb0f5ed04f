// One form value (text from an input, or a checkbox) → the JSON value the schema allows, or a
// plain-language problem. Messages name the field by its label.
import type { FormField } from "./form-model";
import { checkRule, hostname } from "./kubernetes-rules";

export type FieldCheck = { value?: unknown; error?: undefined } | { value?: undefined; error: string };

const INT = /^[+-]?\d+$/;
const INT32 = { min: -2147483648, max: 2147483647 };

function range(f: FormField, n: number): string | null {
  if (f.minimum !== undefined && (f.exclusiveMinimum ? n <= f.minimum : n < f.minimum)) {
    return `${f.label} must be ${f.exclusiveMinimum ? "greater than" : "at least"} ${f.minimum}.`;
  }
  if (f.maximum !== undefined && (f.exclusiveMaximum ? n >= f.maximum : n > f.maximum)) {
    return `${f.label} must be ${f.exclusiveMaximum ? "less than" : "at most"} ${f.maximum}.`;
  }
  if (f.format === "int32" && (n < INT32.min || n > INT32.max)) return `${f.label} is too large.`;
  return null;
}

function pattern(f: FormField, s: string): string | null {
  if (!f.pattern) return null;
  let re: RegExp;
  try {
    re = new RegExp(f.pattern, "u");
  } catch {
    return null; // an RE2-only pattern: the apiserver checks it
  }
  return re.test(s) ? null : `${f.label} must match the pattern ${f.pattern}.`;
}

function text(f: FormField, s: string): string | null {
  if (f.minLength !== undefined && s.length < f.minLength) {
    return `${f.label} must be at least ${f.minLength} characters.`;
  }
  if (f.maxLength !== undefined && s.length > f.maxLength) {
    return `${f.label} must be at most ${f.maxLength} characters (it has ${s.length}).`;
  }
  if (f.format === "hostname") return hostname(s, f.label) ?? pattern(f, s);
  return pattern(f, s);
}

function number(f: FormField, s: string, integer: boolean): FieldCheck {
  if (integer ? !INT.test(s) : !Number.isFinite(Number(s))) {
    return { error: `${f.label} must be a ${integer ? "whole " : ""}number (got "${s}").` };
  }
  const n = Number(s);
  const problem = range(f, n) ?? (f.rule ? checkRule(f.rule, n, f.label) : null);
  return problem ? { error: problem } : { value: n };
}

function typed(s: string, t: FormField["valueType"]): unknown {
  return t === "integer" || t === "number" ? Number(s) : s;
}

function lines(raw: string): string[] {
  return raw
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function list(f: FormField, raw: string): FieldCheck {
  const items = lines(raw);
  if (items.length === 0) return { value: undefined };
  const bad = items.find((i) => f.valueType === "integer" && !INT.test(i));
  if (bad) return { error: `${f.label}: "${bad}" is not a whole number.` };
  return { value: items.map((i) => typed(i, f.valueType)) };
}

function map(f: FormField, raw: string): FieldCheck {
  const out: Record<string, string> = {};
  for (const [i, line] of lines(raw).entries()) {
    const eq = line.indexOf("=");
    if (eq <= 0) return { error: `${f.label}: line ${i + 1} must look like key=value.` };
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { value: Object.keys(out).length ? out : undefined };
}

/** Parses one field. Empty means "not set": an error if required, else the apiserver's default. */
export function parseField(f: FormField, raw: unknown): FieldCheck {
  if (f.kind === "unsupported") return { value: undefined };
  if (f.kind === "boolean") {
    const on = raw === true || raw === "true" || raw === "on";
    // An unchecked box means false only when false differs from "not set".
    return { value: on ? true : f.required || f.default !== undefined ? false : undefined };
  }
  const s = typeof raw === "string" ? (f.kind === "string-list" || f.kind === "string-map" ? raw : raw.trim()) : "";
  if (s.trim() === "") return f.required ? { error: `${f.label} is required.` } : { value: undefined };
  switch (f.kind) {
    case "integer":
      return number(f, s, true);
    case "number":
      return number(f, s, false);
    case "enum": {
      const hit = f.options?.find((o) => String(o) === s);
      return hit === undefined ? { error: `${f.label} must be one of: ${f.options?.join(", ")}.` } : { value: hit };
    }
    case "string-list":
      return list(f, s);
    case "string-map":
      return map(f, s);
    case "string": {
      if (f.intOrString && INT.test(s)) return { value: Number(s) };
      const problem = text(f, s) ?? (f.rule ? checkRule(f.rule, s, f.label) : null);
      return problem ? { error: problem } : { value: s };
    }
  }
}
