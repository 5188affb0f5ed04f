// The name a user gives a binding in the browser, with the rule in plain words (the same rule as
// Kubernetes object names: an RFC 1123 label).
import { z } from "zod";
import { BINDING_NAME_RULE } from "./binding-name-rule";

export const BindingName = z
  .string()
  .trim()
  .min(1, "Name: required")
  .max(63, `Name: ${BINDING_NAME_RULE}`)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `Name: ${BINDING_NAME_RULE}`);
