/**
 * Drizzle queries prepared by name on both databases. node-postgres honours `.prepare(name)`
 * itself; Drizzle's PGlite driver ignores the name, so PGlite would parse and plan the text on
 * every call. The PGlite client Drizzle is given (`pgliteClientForDrizzle`) sends each text
 * registered here through a named prepared statement instead (db/pglite-prepared.ts): the run
 * read-back went from ≈ 2.6 to ≈ 1 ms. Drizzle still fills placeholders and maps the rows.
 */
import type { PGlite, QueryOptions } from "@electric-sql/pglite";
import { runPglitePrepared } from "./pglite-prepared";

/** SQL text → statement name; one text per name, fixed when the query is built. */
const nameByText = new Map<string, string>();

interface Preparable<Prepared> {
  toSQL(): { sql: string };
  prepare(name: string): Prepared;
}

/** `query.prepare(name)`, also on PGlite. Build it once per database (`perDatabase`). */
export function prepareByName<Prepared>(query: Preparable<Prepared>, name: string): Prepared {
  nameByText.set(query.toSQL().sql, name);
  return query.prepare(name);
}

/** `pglite` as Drizzle sees it: its `query` runs a registered text as a named prepared statement. */
export function pgliteClientForDrizzle(pglite: PGlite): PGlite {
  const query = (text: string, params?: unknown[], options?: QueryOptions) => {
    const name = nameByText.get(text);
    return name
      ? runPglitePrepared(pglite, name, text, params ?? [], options)
      : pglite.query(text, params, options);
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
