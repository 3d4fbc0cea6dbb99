/**
 * A value built once per database handle's Drizzle client — a prepared query, typically, whose
 * building costs more CPU than running it: `const lookup = perDatabase((db) => db.select()….prepare("name"))`.
 */
import type { Db } from "./client";

export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}
