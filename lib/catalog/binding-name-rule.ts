// The rule of a binding's name in plain words, apart from its zod schema (binding-name.ts) so the
// consent form can show it without loading zod into the browser.
export const BINDING_NAME_RULE =
  "lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit";
