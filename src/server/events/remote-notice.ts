/**
 * Change notices between processes, the sending side (PostgreSQL NOTIFY): what a notice
 * carries, its encoding within NOTIFY's 8,000-byte cap, and the SQL that sends it in the same
 * statement as the write it announces — one round trip, and nothing is sent when the write
 * matched no row. PGlite serves one process: nobody else listens, so nothing is sent there.
 * The receiving side is `pg-event-bridge.ts`.
 */
import type { NodeStatus } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { processOrigin } from "./run-events";

export const EVENTS_CHANNEL = "galaxy_events";

/** What travels in a notification (short keys: the payload limit is 8,000 bytes). */
export interface RemoteNotice {
  /** Origin process. */
  o: string;
  /** Run id. */
  r?: string;
  /** Node transitions in order: node id and status. */
  n?: { i: string; s: NodeStatus }[];
  /** Too many transitions to list: re-read every node of the run. */
  nAll?: 1;
  /** Range of log `seq` written. */
  l?: [number, number] | null;
  /** The run row changed. */
  run?: 1;
  /** Cancel requested. */
  cancel?: 1;
  /** A job was enqueued. */
  jobs?: 1;
}

/** Below NOTIFY's 8,000 bytes, with room for the log range a statement adds (`notifySql`). */
const MAX_PAYLOAD_BYTES = 7_000;

/**
 * The payload of a notice from this process, for a statement parameter; null on PGlite. A
 * notice listing more node transitions than fit asks listeners to re-read every node instead.
 */
export function encodeNotice(handle: DatabaseHandle, notice: Omit<RemoteNotice, "o" | "l">): string | null {
  if (handle.kind !== "postgres") return null;
  const payload = JSON.stringify({ o: processOrigin(), ...notice });
  if (!notice.n || Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload;
  const { n: _transitions, ...rest } = notice;
  return JSON.stringify({ o: processOrigin(), ...rest, nAll: 1 });
}

/**
 * The select-list item (`notified`) that sends the payload bound to `param` (NULL: nothing);
 * in `SELECT u.*, ${notifySql("$3")} FROM u` it is sent only if `u` returned a row.
 * `logRange`, an SQL expression giving the statement's `[first, last]` log seqs as JSON text
 * (or NULL), is spliced into the payload as `l` — as text, not merged as jsonb, because jsonb
 * would re-render the payload longer than `encodeNotice` measured it.
 */
export function notifySql(param: `$${number}`, logRange?: string): string {
  const payload = logRange === undefined ? `${param}::text` : `left(${param}::text, -1) || ',"l":' || coalesce(${logRange}, 'null') || '}'`;
  return `CASE WHEN ${param}::text IS NULL THEN NULL ELSE pg_notify('${EVENTS_CHANNEL}', ${payload}) END AS notified`;
}

/** Sends a notice in a statement of its own, when no write carries it (a job was enqueued). */
export async function notifyRemote(handle: DatabaseHandle, notice: Omit<RemoteNotice, "o" | "l">): Promise<void> {
  const payload = encodeNotice(handle, notice);
  if (payload !== null) await handle.executeSql(`SELECT ${notifySql("$1")}`, [payload]);
}
