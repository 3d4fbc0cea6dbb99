/**
 * Builds a pino logger. Lines are JSON (ISO time, level names, `err` with its stack) and carry
 * the ids of the current log context; in production they are written as they are, elsewhere
 * as readable text. Warnings and errors go to stderr and the rest to stdout, as console.* did.
 */
import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import type { TLogLevel } from "../env";
import { currentLogContext } from "./log-context";
import { prettyDestination } from "./pretty-destination";

export type { Logger };

export interface LoggerSettings {
  level: TLogLevel;
  /** Readable text (development, tests) instead of JSON lines (production). */
  pretty: boolean;
}

/**
 * @example
 * // A test capturing lines:
 * const lines: string[] = [];
 * const log = createLogger({ level: "info", pretty: false }, { write: (line) => void lines.push(line) });
 */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  return pino(
    {
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      // The ids of the request being handled, on every line; a call's own fields win.
      mixin: () => ({ ...currentLogContext() }),
    },
    destination ?? standardStreams(settings.pretty),
  );
}

function standardStreams(pretty: boolean): DestinationStream {
  const open = (fd: 1 | 2) => (pretty ? prettyDestination(fd) : pino.destination({ dest: fd, sync: false }));
  // dedupe: a line goes only to the stream with the highest level it reaches.
  return pino.multistream(
    [
      { level: "trace", stream: open(1) },
      { level: "warn", stream: open(2) },
    ],
    { dedupe: true },
  );
}
