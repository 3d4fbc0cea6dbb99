/** Server-side logging: the process logger, the per-request scope and the log context. */
export { logger, installLogger } from "./logger";
export { createLogger, type Logger, type LoggerSettings } from "./create-logger";
export { withLogContext, withoutLogContext } from "./log-context";
export { withRequestScope, REQUEST_ID_HEADER } from "./request-scope";
