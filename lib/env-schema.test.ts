import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env-schema";

const valid = {
  PORTAL_URL: "http://kube-bind.dev.local:8080/",
  SESSION_SECRET: "x".repeat(32),
  OIDC_ISSUER_URL: "http://127.0.0.1:5556",
  OIDC_CLIENT_ID: "kube-bind-portal",
  OIDC_CLIENT_SECRET: "s3cret",
  PROVIDER_KUBECONFIG: "/etc/portal/provider.kubeconfig",
  CONSUMER_KUBECONFIG: "/etc/portal/consumer.kubeconfig",
  CLI_TOKEN_KEY_FILE: "/etc/portal/cli-token-key.json",
};

function problems(overrides: Record<string, string | undefined>) {
  try {
    parseEnv({ ...valid, ...overrides });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("caps bindings per user at 5 unless set, and refuses a limit that is not a whole number ≥ 1", () => {
    expect(parseEnv(valid).PORTAL_MAX_BINDINGS_PER_USER).toBe(5);
    expect(parseEnv({ ...valid, PORTAL_MAX_BINDINGS_PER_USER: "2" }).PORTAL_MAX_BINDINGS_PER_USER).toBe(2);
    for (const bad of ["0", "-1", "1.5", "many"]) {
      expect(problems({ ...valid, PORTAL_MAX_BINDINGS_PER_USER: bad })).toEqual([
        { variable: "PORTAL_MAX_BINDINGS_PER_USER", message: "must be a whole number of at least 1" },
      ]);
    }
  });

  it("accepts a complete configuration and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORTAL_URL).toBe("http://kube-bind.dev.local:8080");
    expect(env.OIDC_USERNAME_CLAIM).toBe("email");
    expect(env.OIDC_GROUPS_CLAIM).toBe("groups");
    expect(env.PORTAL_NAMESPACE_PREFIX).toBe("kube-bind-");
    expect(env.PORTAL_NAMESPACE).toBe("kube-bind-portal");
    expect(parseEnv({ ...valid, PORTAL_NAMESPACE: "bind-requests" }).PORTAL_NAMESPACE).toBe("bind-requests");
    expect(env.PORTAL_ADMIN_GROUP).toBe("platform-admins");
    expect(env.PORTAL_NAME).toBe("kube-bind.dev.local");
    expect(parseEnv({ ...valid, PORTAL_NAME: " Acme platform " }).PORTAL_NAME).toBe("Acme platform");
    expect(env.OIDC_SCOPES.split(" ")).toContain("openid");
    expect(env.PROVIDER_IN_CLUSTER).toBe(false);
    expect(env.PORTAL_EXPOSE_STATS).toBe(false);
    expect(parseEnv({ ...valid, PORTAL_EXPOSE_STATS: "1" }).PORTAL_EXPOSE_STATS).toBe(true);
  });

  it.each([
    ["PORTAL_URL", undefined, /required: the portal's public URL/],
    ["PORTAL_URL", "kube-bind.dev.local", /must be an absolute URL/],
    ["PORTAL_URL", "ftp://kube-bind.dev.local", /must use http or https/],
    ["SESSION_SECRET", "short", /at least 32 characters/],
    ["SESSION_SECRET", undefined, /required/],
    ["OIDC_ISSUER_URL", "not a url", /must be an absolute URL/],
    ["OIDC_CLIENT_ID", "  ", /required: the OIDC client id/],
    ["OIDC_CLIENT_SECRET", undefined, /required: the OIDC client secret/],
    ["OIDC_SCOPES", "email profile", /must include the openid scope/],
    ["OIDC_USERNAME_CLAIM", "name", /must be one of email, sub, preferred_username/],
    ["PROVIDER_KUBECONFIG", undefined, /required unless PROVIDER_IN_CLUSTER=true/],
    ["PROVIDER_IN_CLUSTER", "yes", /must be true or false/],
    ["CONSUMER_KUBECONFIG", undefined, /path of the consumer cluster's kubeconfig/],
    ["CLI_TOKEN_KEY_FILE", undefined, /set exactly one of CLI_TOKEN_KEY_FILE/],
    ["CLI_TOKEN_KEY_SECRET", "no-slash", /must be <namespace>\/<name>/],
    ["PORTAL_NAMESPACE_PREFIX", "Kube_Bind", /lowercase DNS label prefix/],
    ["PORTAL_NAMESPACE", "Kube_Bind_Portal", /must be a namespace name/],
    ["PORTAL_NAME", "x".repeat(61), /at most 60 characters/],
    ["PORTAL_NAMESPACE", "kube-bind-", /must be a namespace name/],
    ["LOG_LEVEL", "verbose", /Invalid option/],
    ["PORTAL_EXPOSE_STATS", "yes", /must be true or false/],
    ["PORTAL_ALLOWED_ORIGINS", "https://a.example/path", /comma-separated origins/],
    ["PORTAL_ALLOWED_ORIGINS", "not a url", /comma-separated origins/],
  ])("rejects %s=%s", (variable, value, message) => {
    const found = problems({ [variable]: value });
    expect(found).toContainEqual({ variable, message: expect.stringMatching(message) });
  });

  it("accepts sub and preferred_username as the user name claim", () => {
    expect(parseEnv({ ...valid, OIDC_USERNAME_CLAIM: "sub" }).OIDC_USERNAME_CLAIM).toBe("sub");
    expect(parseEnv({ ...valid, OIDC_USERNAME_CLAIM: "preferred_username" }).OIDC_USERNAME_CLAIM).toBe(
      "preferred_username",
    );
  });

  it("uses in-cluster config for the provider without a kubeconfig", () => {
    const env = parseEnv({ ...valid, PROVIDER_KUBECONFIG: undefined, PROVIDER_IN_CLUSTER: "true" });
    expect(env.PROVIDER_IN_CLUSTER).toBe(true);
  });

  it("rejects both key sources at once", () => {
    expect(problems({ CLI_TOKEN_KEY_SECRET: "kube-bind-portal/cli-token-key" })).toContainEqual({
      variable: "CLI_TOKEN_KEY_FILE",
      message: expect.stringMatching(/exactly one/),
    });
  });

  it("lists every bad variable in one message", () => {
    try {
      parseEnv({});
      expect.unreachable();
    } catch (e) {
      const message = (e as Error).message;
      for (const v of ["PORTAL_URL", "SESSION_SECRET", "OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "CONSUMER_KUBECONFIG"]) {
        expect(message).toContain(`${v}:`);
      }
    }
  });
});
