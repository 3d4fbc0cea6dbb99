/**
 * Named prepared statements on PGlite, which has no API for them: its `query` parses and plans
 * every statement anew and makes six exchanges with the WASM backend (parse, describe, bind,
 * describe, execute, sync). Here a statement is parsed once per PGlite instance under its name
 * (its parameter types learned then), and each run is one exchange — bind, describe, execute,
 * sync — through PGlite's own protocol serializer, result parser and value serializers, under
 * the same two locks `query` takes (no other query, and no open transaction, in between).
 *
 * For the run executor's hot statements (`queryPrepared` in runs/run-sql.ts): fixed SQL text per
 * name, run thousands of times. PostgreSQL itself caches their plans per name, as on a server.
 */
import { parse, protocol, type PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";

const { serialize } = protocol;

/** Per PGlite instance: statement name → its SQL text and parameter type ids. */
const preparedBy = new WeakMap<PGlite, Map<string, { text: string; paramTypes: number[] }>>();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export async function queryPglitePrepared<T>(pglite: PGlite, name: string, text: string, values: unknown[]): Promise<T[]> {
  return (await runPglitePrepared<T>(pglite, name, text, values)).rows;
}

/** The whole result, as PGlite's `query` gives it; `options` (row mode, parsers) as `query` takes them. */
export async function runPglitePrepared<T>(pglite: PGlite, name: string, text: string, values: unknown[], options?: QueryOptions): Promise<Results<T>> {
  // What `query` says of a closed instance (db/outage.ts reads it as "the database is not answering").
  if (pglite.closed) throw new Error("PGlite is closed");
  return pglite._runExclusiveTransaction(() =>
    pglite.runExclusive(async () => {
      let prepared = preparedBy.get(pglite);
      if (!prepared) preparedBy.set(pglite, (prepared = new Map()));
      let statement = prepared.get(name);
      if (!statement || statement.text !== text) {
        // A name is one SQL text for the life of the process; a new text under it replaces it.
        const close = statement ? [serialize.close({ type: "S", name })] : [];
        const described = await pglite.execProtocol(concat([...close, serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()]));
        statement = { text, paramTypes: parse.parseDescribeStatementResults(described.messages) };
        prepared.set(name, statement);
      }
      const { paramTypes } = statement;
      const serialized = values.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pglite.serializers[paramTypes[i]];
        return serializer ? serializer(value) : String(value);
      });
      const result = await pglite.execProtocol(
        concat([serialize.bind({ statement: name, values: serialized }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync()]),
      );
      return (parse.parseResults(result.messages, pglite.parsers, options)[0] ?? { rows: [], fields: [] }) as Results<T>;
    }),
  );
}
