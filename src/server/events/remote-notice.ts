/**
 * Change notices between processes, the sending side (PostgreSQL NOTIFY): what a notice
 * carries, its encoding within NOTIFY's 8,000-byte cap, and the SQL that sends it in the same
 * statement as the write it announces — one round trip, and nothing is sent when the write
 * matched no row. Streamed text (deltas) is never stored: it travels in the notices themselves,
 * split in pieces under the cap. PGlite serves one process: nobody else listens, so nothing is
 * sent there. The receiving side is `pg-event-bridge.ts`.
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
  /** Text a node streamed: node id, attempt, a sequence number (identical payloads in one transaction would be merged), the text. */
  d?: { i: string; a: number; s: number; t: string };
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

/** Under NOTIFY's "shorter than 8000 bytes": a delta notice carries nothing else. */
export const MAX_DELTA_PAYLOAD_BYTES = 7_900;

/**
 * The payloads that carry a piece of streamed text, in order: one, or — past the byte cap —
 * several, split between code points (never inside a UTF-16 surrogate pair), measured in bytes
 * of the JSON as sent (quotes, backslashes and control characters take more than one byte).
 * `seq` numbers the first piece; the next ones follow. Empty on PGlite.
 */
export function encodeDeltaNotices(handle: DatabaseHandle, runId: string, delta: { nodeId: string; attempt: number; text: string }, seq: number): string[] {
  if (handle.kind !== "postgres") return [];
  const payload = (s: number, t: string) => JSON.stringify({ o: processOrigin(), r: runId, d: { i: delta.nodeId, a: delta.attempt, s, t } });
  const whole = payload(seq, delta.text);
  if (Buffer.byteLength(whole) <= MAX_DELTA_PAYLOAD_BYTES) return [whole];
  // The envelope with the largest sequence number it could carry (as many pieces as code units).
  const room = MAX_DELTA_PAYLOAD_BYTES - Buffer.byteLength(payload(seq + delta.text.length, ""));
  if (room < 12) throw new Error(`node id too long to stream its text across processes (${delta.nodeId.length} characters)`);
  const payloads: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < delta.text.length) {
    const code = delta.text.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = escapedBytes(code);
    if (bytes + size > room) {
      payloads.push(payload(seq + payloads.length, delta.text.slice(start, i)));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  payloads.push(payload(seq + payloads.length, delta.text.slice(start)));
  return payloads;
}

/** Bytes a code point takes inside a JSON string as `JSON.stringify` writes it, in UTF-8. */
function escapedBytes(code: number): number {
  if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return 2;
  if (code < 0x20) return 6; // \u00XX
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate, escaped as \uXXXX
  return code < 0x10000 ? 3 : 4;
}

/** Sends notices in order in one statement (one transaction: they arrive in this order). */
export async function sendNotices(handle: DatabaseHandle, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  await handle.executeSql(
    `SELECT pg_notify('${EVENTS_CHANNEL}', t.p) FROM unnest($1::text[]) WITH ORDINALITY AS t(p, o)`,
    [payloads],
  );
}

/** Sends a notice in a statement of its own, when no write carries it (a job was enqueued). */
export async function notifyRemote(handle: DatabaseHandle, notice: Omit<RemoteNotice, "o" | "l">): Promise<void> {
  const payload = encodeNotice(handle, notice);
  if (payload !== null) await handle.executeSql(`SELECT ${notifySql("$1")}`, [payload]);
}
