import pino from "pino";

/**
 * One structured JSON logger for the server. pino was chosen for its speed and its built-in
 * redaction: any field that could carry a credential is censored before a line is written, so a
 * careless call site cannot leak a token, kubeconfig or Secret data.
 */
export const log = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "kube-bind-portal" },
  redact: {
    paths: [
      "token",
      "*.token",
      "accessToken",
      "*.accessToken",
      "refreshToken",
      "*.refreshToken",
      "idToken",
      "*.idToken",
      "authorization",
      "*.authorization",
      "headers.authorization",
      "kubeconfig",
      "*.kubeconfig",
      "data",
      "*.data",
      "stringData",
      "*.stringData",
      "clientSecret",
      "*.clientSecret",
    ],
    censor: "[redacted]",
  },
});
