// RequestHeaderModifier and ResponseHeaderModifier as Envoy Gateway v1.9 translates them: each
// header is validated (a name with '/' or ':' or the Host header, an empty name, or a value that is
// not visible ASCII separated by single spaces or tabs is rejected with Envoy Gateway's message),
// the valid ones are compiled to "remove these, then add or overwrite those" with the first entry
// per name winning, and a rule with rejected headers answers 500. Pure; the status and the data
// plane share it, so a header the status rejects is never sent (node:http would throw on it).
import { errorsMessage } from "./conditions";
import type { HeaderModifier, RouteFilter } from "./types";

export interface HeaderOps {
  remove: string[];
  /** append: add another value (Gateway API `add`); otherwise replace (`set`). */
  add: { name: string; value: string; append: boolean }[];
}

export interface CompiledFilters {
  request: HeaderOps;
  response: HeaderOps;
  /** The rule's Accepted=False message (reason UnsupportedValue) when a header was rejected. */
  error?: string;
}

/**
 * RFC 7230 field value as Envoy Gateway checks it: visible ASCII runs joined by single spaces or
 * tabs. Written with a lookahead so that it runs in linear time (the nested form backtracks).
 */
const HEADER_VALUE = /^[!-~](?:[!-~]|[\t ](?=[!-~]))*$/;

const modifiable = (name: string) => !name.includes("/") && !name.includes(":") && name.toLowerCase() !== "host";

type Side = "Request" | "Response";

/** The texts differ slightly between the two filters, exactly as upstream's do. */
function texts(side: Side) {
  const f = `${side}HeaderModifier`;
  const reserved = "the Host header or headers with a '/' or ':' character in them.";
  const hint = side === "Request" ? " To modify the Host header use the URLRewrite or the HTTPRouteFilter filter." : "";
  return {
    emptyName: (verb: string) => `${f} Filter cannot ${verb} a header with an empty name`,
    reserved: (verb: "add" | "set" | "remove", name: string) => {
      const shown = side === "Response" && verb === "add" ? "set" : verb;
      return `Header: ${JSON.stringify(name)}. The ${f} filter cannot ${shown} ${reserved}${verb === "remove" ? "" : hint}`;
    },
    badValue: (verb: string, name: string) =>
      `Header: ${JSON.stringify(name)}. ${f} Filter cannot ${verb} a header with an invalid value.`,
    nothingValid: `${f} Filter did not provide valid configuration to ${side === "Request" ? "add/set/remove" : "add/remove"} any headers`,
  };
}

/** One filter into `ops` (shared by the rule's filters of that side); returns its error, if any. */
function compileOne(mod: HeaderModifier, ops: HeaderOps, side: Side): string | undefined {
  const t = texts(side);
  const errors: string[] = [];
  const empty = !mod.add?.length && !mod.set?.length && !mod.remove?.length;
  const put = (verb: "add" | "set", name: string, value: string) => {
    if (name === "") return errors.push(t.emptyName(verb));
    if (!modifiable(name)) return errors.push(t.reserved(verb, name));
    if (!HEADER_VALUE.test(value)) return errors.push(t.badValue(verb, name));
    if (ops.add.some((h) => h.name.toLowerCase() === name.toLowerCase())) return;
    ops.add.push({ name, value, append: verb === "add" });
  };
  for (const h of mod.add ?? []) put("add", h.name, h.value);
  for (const h of mod.set ?? []) put("set", h.name, h.value);
  for (const name of mod.remove ?? []) {
    if (name === "") errors.push(t.emptyName("remove"));
    else if (!modifiable(name)) errors.push(t.reserved("remove", name));
    else if (!ops.remove.some((r) => r.toLowerCase() === name.toLowerCase())) ops.remove.push(name);
  }
  if (ops.add.length === 0 && ops.remove.length === 0 && !empty) return t.nothingValid;
  return errors.length ? errors.join("\n") : undefined;
}

/** A rule's (or backendRef's) header filters; other filter types are left to the caller. */
export function compileHeaderFilters(filters: RouteFilter[] | undefined): CompiledFilters {
  const request: HeaderOps = { remove: [], add: [] };
  const response: HeaderOps = { remove: [], add: [] };
  const errors: string[] = [];
  for (const f of filters ?? []) {
    const error =
      f.type === "RequestHeaderModifier" && f.requestHeaderModifier
        ? compileOne(f.requestHeaderModifier, request, "Request")
        : f.type === "ResponseHeaderModifier" && f.responseHeaderModifier
          ? compileOne(f.responseHeaderModifier, response, "Response")
          : undefined;
    if (error) errors.push(error);
  }
  return { request, response, error: errors.length ? errorsMessage(errors) : undefined };
}
