// One lenient zod model per Kubernetes kind the portal reads, and the cached parsers. Server-side
// and pure only: browser code must not import this (zod would join the first-load bundle).
export { Condition, findCondition, isConditionTrue } from "../condition";
export * from "./core";
export * from "./gateway-api";
export * from "./kro";
export * from "./kube-bind";
export { Conditions, Meta, NamespacedMeta, Strings } from "./meta";
export * from "./parse";
