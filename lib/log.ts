import pino from "pino";

/**
 * One structured JSON logger for the server. pino was chosen for its speed and its built-in
 * redaction: any field that could carry a credential is censored before a line is written, so a
 * careless call site cannot leak a token, kubeconfig or Secret data.
 */
export const REDACT_PATHS = {
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
};

export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL || "info") {
  return pino(
    { level, base: { service: "kube-bind-portal" }, redact: REDACT_PATHS },
    destination ?? pino.destination(1),
  );
}

export const log = createLogger();
