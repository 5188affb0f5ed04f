import { describe, expect, it } from "vitest";
import { DeleteInput } from "./delete";
import { EditInput } from "./edit-input";
import { unreadableForm } from "./names";

const edit = { namespace: "default", name: "web", values: {}, header: "x" };
const del = { namespace: "default", name: "web", confirm: "web", deleteConfigMap: false };

describe("names an edit or delete form sends back", () => {
  it("are held to Kubernetes' name rules, so '..' or '%2F' never reach a cluster URL", () => {
    expect(EditInput.safeParse(edit).success).toBe(true);
    expect(DeleteInput.safeParse(del).success).toBe(true);
    for (const bad of [".", "..", "%2e%2e", "%2F", "a/b", "a".repeat(254)]) {
      expect(EditInput.safeParse({ ...edit, name: bad }).success).toBe(false);
      expect(DeleteInput.safeParse({ ...del, namespace: bad }).success).toBe(false);
    }
  });

  it("are refused with a message naming the field and the rule", () => {
    const parsed = DeleteInput.safeParse({ ...del, namespace: ".." });
    if (parsed.success) throw new Error("expected a refusal");
    expect(unreadableForm(parsed.error)).toBe(
      "The form sent data this page does not understand (namespace: The namespace may contain only lowercase letters, digits and '-', and must start and end with a letter or digit.); reload the page.",
    );
  });
});
