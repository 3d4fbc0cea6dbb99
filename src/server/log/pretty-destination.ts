/**
 * Development output: each JSON line is turned into text by pino-pretty's formatter and written
 * to a file descriptor, in this process. Not pino-pretty's transport: transports run in a worker
 * thread (thread-stream), which Next.js's bundling does not support.
 */
import "server-only";
import pino, { type DestinationStream } from "pino";
import { prettyFactory } from "pino-pretty";

export function prettyDestination(fd: 1 | 2): DestinationStream {
  const format = prettyFactory({
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname,module",
    singleLine: true,
    // `[runs] run finished {"runId":…}`: the part of the server first, as the console lines had it.
    messageFormat: (line, messageKey) =>
      `${line.module ? `[${String(line.module)}] ` : ""}${String(line[messageKey] ?? "")}`,
  });
  const out = pino.destination({ dest: fd, sync: false });
  return { write: (line: string) => void out.write(format(line)) };
}
