/**
 * What goes into a node's cache key, as text: a canonical JSON of its type, its data and the
 * values on its connected inputs. Client-safe (no hashing here), so the editor can tell a
 * result that is out of date by the very rule the server caches by (`cache-key.ts` hashes it).
 */
import type { ConnectedValues } from "./node-catalogue";

/**
 * JSON with object keys sorted at every depth. Follows `JSON.stringify` for the rest
 * (`toJSON`, `undefined` members dropped, non-finite numbers as null); a cyclic value throws.
 */
export function stableStringify(value: unknown): string {
  return write(value, []);
}

/** `ancestors` holds the objects being written above this one: a repeat there is a cycle. */
function write(value: unknown, ancestors: object[]): string {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(value.toString());
    case "object":
      if (value === null) return "null";
      break;
    default: // undefined, function, symbol: like JSON, null inside arrays
      return "null";
  }
  if (ancestors.includes(value)) throw new TypeError("cannot hash a cyclic value");
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + write(value[i], ancestors);
    out += "]";
  } else {
    const record = value as Record<string, unknown>;
    out = "{";
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      out += (out.length > 1 ? "," : "") + JSON.stringify(key) + ":" + write(member, ancestors);
    }
    out += "}";
  }
  ancestors.pop();
  return out;
}

/**
 * @example
 * cacheKeyText("cropImage", { x_percent: 10 }, { image_url: ["/api/files/a"] });
 * // '{"data":{"x_percent":10},"inputs":{"image_url":["/api/files/a"]},"type":"cropImage"}'
 */
export function cacheKeyText(type: string, data: Record<string, unknown>, connected: ConnectedValues): string {
  // A node's name (`label`) is not a param: renaming it neither reruns it nor makes its result outdated.
  const { label: _name, ...params } = data;
  return stableStringify({ type, data: params, inputs: connected });
}
