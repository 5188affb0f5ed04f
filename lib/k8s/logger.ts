// The log lines the client writes (one per call, watch health) go to whatever logger its owner
// passes: the portal passes its pino logger, the sandbox and its emulators none.
type LogFn = (fields: object, message: string) => void;

export interface KubeLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const quiet: LogFn = () => {};
export const SILENT: KubeLogger = { debug: quiet, info: quiet, warn: quiet, error: quiet };
