/**
 * Building blocks of every answer: how a date, a JSON object and a row travel, and
 * `pickWire`, which copies exactly the fields a response schema names from a row (so a
 * column added to the database never leaves the server unless a schema names it) and turns
 * Dates into ISO strings. Client-safe: zod only.
 */
import { z } from "zod";

/** A timestamp as the API sends it: ISO-8601 in UTC (`2025-01-31T12:00:00.000Z`). */
export const ZIsoDate = z.iso.datetime();

/** A free-form JSON object (node inputs, outputs, meta, log metadata). */
export const ZJsonObject = z.record(z.string(), z.unknown());

/** The answer of a route with nothing to add to `success: true` (a delete, a sign-out). */
export const ZNothing = z.object({});

/** A Date as the JSON answer carries it (`Date | null` → `string | null`). */
export type Wire<T> = T extends Date ? string : T;
export type WireRow<T> = { [K in keyof T]: Wire<T[K]> };

/**
 * The fields of `row` that `schema` names, with Dates as ISO strings. The presenter that
 * calls it declares the schema's input type as its return type, so a missing or mistyped
 * field fails to compile.
 *
 * @example
 * export const toPublicLog = (row: ExecutionLog): z.input<typeof ZPublicLog> => pickWire(ZPublicLog, row);
 */
export function pickWire<S extends z.ZodObject, R extends object>(
  schema: S,
  row: R,
): WireRow<Pick<R, keyof S["shape"] & keyof R>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = (row as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as WireRow<Pick<R, keyof S["shape"] & keyof R>>;
}

/** A JSON column read back as an object (null when absent or not an object). */
export function jsonObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
