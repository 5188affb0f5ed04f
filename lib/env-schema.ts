// Pure configuration schema: no server-only import, so unit tests exercise every rule.
import { z } from "zod";

const DNS_LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?-$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const nonEmpty = (what: string) =>
  z
    .string({ error: `required: ${what}` })
    .trim()
    .min(1, `required: ${what}`);

const httpUrl = (what: string) =>
  nonEmpty(what)
    .pipe(z.url({ error: `must be an absolute URL (${what})` }))
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), `must use http or https (${what})`)
    .transform((u) => u.replace(/\/+$/, ""));

const bool = z
  .enum(["true", "false", "1", "0", ""], { error: "must be true or false" })
  .optional()
  .transform((v) => v === "true" || v === "1");

const claim = (fallback: string, allowed: readonly [string, ...string[]]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v))
    .pipe(z.enum(allowed, { error: `must be one of ${allowed.join(", ")}` }));

/** Every variable the portal reads, with the rule it must follow. */
export const EnvSchema = z
  .object({
    PORTAL_URL: httpUrl("the portal's public URL, e.g. http://kube-bind.dev.local:8080"),
    SESSION_SECRET: nonEmpty("a random secret of at least 32 characters").pipe(
      z.string().min(32, "must be at least 32 characters"),
    ),
    OIDC_ISSUER_URL: httpUrl("the OIDC issuer, e.g. https://dex.example.com"),
    OIDC_CLIENT_ID: nonEmpty("the OIDC client id"),
    OIDC_CLIENT_SECRET: nonEmpty("the OIDC client secret"),
    OIDC_SCOPES: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : "openid email profile groups offline_access"))
      .refine((v) => v.split(/\s+/).includes("openid"), "must include the openid scope"),
    OIDC_USERNAME_CLAIM: claim("email", ["email", "sub", "preferred_username"]),
    OIDC_GROUPS_CLAIM: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : "groups")),
    PROVIDER_IN_CLUSTER: bool,
    PROVIDER_KUBECONFIG: z.string().optional(),
    PROVIDER_CONTEXT: z.string().optional(),
    CONSUMER_KUBECONFIG: nonEmpty("path of the consumer cluster's kubeconfig"),
    CONSUMER_CONTEXT: z.string().optional(),
    CLI_TOKEN_KEY_FILE: z.string().optional(),
    CLI_TOKEN_KEY_SECRET: z
      .string()
      .optional()
      .refine((v) => !v || /^[a-z0-9-]+\/[a-z0-9.-]+$/.test(v), "must be <namespace>/<name>"),
    PORTAL_NAMESPACE_PREFIX: z
      .string()
      .optional()
      .transform((v) => v || "kube-bind-")
      .refine((v) => DNS_LABEL_PREFIX.test(v) && v.length <= 20, "must be a lowercase DNS label prefix ending in '-'"),
    PORTAL_NAMESPACE: z
      .string()
      .optional()
      .transform((v) => v || "kube-bind-portal")
      .refine((v) => DNS_LABEL.test(v) && v.length <= 63, "must be a namespace name (a lowercase DNS label)"),
    PORTAL_ADMIN_GROUP: z
      .string()
      .optional()
      .transform((v) => v || "platform-admins"),
    PORTAL_MAX_BINDINGS_PER_USER: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : "5"))
      .refine((v) => /^[1-9][0-9]{0,5}$/.test(v), "must be a whole number of at least 1")
      .transform(Number),
    /** the provider's name in the portal's header; default: the host of PORTAL_URL */
    PORTAL_NAME: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .refine((v) => v === undefined || v.length <= 60, "must be at most 60 characters"),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional().default("info"),
    /** further origins (comma-separated) whose pages may submit forms and server actions */
    PORTAL_ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? "")
      .refine(
        (v) =>
          v === "" ||
          v.split(",").every((o) => URL.canParse(o.trim()) && new URL(o.trim()).origin === o.trim().replace(/\/$/, "")),
        "must be comma-separated origins such as https://portal.example.com (scheme, host and port only)",
      ),
    /** tests and benchmarks only: serves GET /api/live/stats (the watch hub's streams) */
    PORTAL_EXPOSE_STATS: bool,
  })
  .superRefine((e, ctx) => {
    if (!e.PROVIDER_IN_CLUSTER && !e.PROVIDER_KUBECONFIG) {
      ctx.addIssue({
        code: "custom",
        path: ["PROVIDER_KUBECONFIG"],
        message: "required unless PROVIDER_IN_CLUSTER=true: path of the provider cluster's kubeconfig",
      });
    }
    if (!e.CLI_TOKEN_KEY_FILE === !e.CLI_TOKEN_KEY_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["CLI_TOKEN_KEY_FILE"],
        message: "set exactly one of CLI_TOKEN_KEY_FILE (a file path) or CLI_TOKEN_KEY_SECRET (<namespace>/<name>)",
      });
    }
  })
  .transform((e) => ({ ...e, PORTAL_NAME: e.PORTAL_NAME ?? new URL(e.PORTAL_URL).hostname }));

export type PortalEnv = z.output<typeof EnvSchema>;

/** Raised when configuration is invalid; its message lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid portal configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n")}\n` +
        "See README.md (Configuration) for every variable.",
    );
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): PortalEnv {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "environment"), message: issue.message })),
  );
}
