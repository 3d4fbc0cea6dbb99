/**
 * zod schemas → JSON Schema for the OpenAPI document (zod 4's `z.toJSONSchema`, draft 2020-12,
 * which OpenAPI 3.1 uses). Every schema named with `.meta({ id })` becomes one entry of
 * `components.schemas`, referenced with `$ref` wherever it appears. Requests are converted on
 * their input side (defaults optional, query strings as numbers), answers on their output side;
 * a named schema whose two sides differ gets a second component, `<id>Input`.
 */
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const DEFS = "#/$defs/";
const COMPONENTS = "#/components/schemas/";

export interface SchemaCollector {
  /** The JSON Schema of `schema`, its named parts replaced by `$ref`s into `components()`. */
  convert(schema: z.ZodType, io: Io): JsonSchema;
  components(): Record<string, JsonSchema>;
}

export function createSchemaCollector(): SchemaCollector {
  const components: Record<string, JsonSchema> = {};

  /** The component name of def `id` (as `body` after its refs are rewritten). */
  const register = (id: string, body: JsonSchema, io: Io): string => {
    const existing = components[id];
    if (!existing || JSON.stringify(existing) === JSON.stringify(body)) {
      components[id] = body;
      return id;
    }
    const name = io === "input" ? `${id}Input` : id;
    components[name] = body;
    return name;
  };

  return {
    convert(schema, io) {
      const {
        $defs,
        $schema: _schema,
        ...root
      } = z.toJSONSchema(schema, { io, unrepresentable: "any", override: tidy }) as JsonSchema;
      const defs = ($defs ?? {}) as Record<string, JsonSchema>;
      const names = new Map<string, string>(Object.keys(defs).map((id) => [id, id]));
      for (const [id, def] of Object.entries(defs))
        names.set(id, register(id, rewriteRefs(def, names) as JsonSchema, io));
      return rewriteRefs(root, names) as JsonSchema;
    },
    components: () => components,
  };
}

/** Keeps the document readable: no 300-character regex beside `format: date-time`, no ±2^53 bounds on every integer. */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (value === null || typeof value !== "object") return value;
  const out: JsonSchema = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === "$ref" && typeof item === "string" && item.startsWith(DEFS)
        ? COMPONENTS + (names.get(item.slice(DEFS.length)) ?? item.slice(DEFS.length))
        : rewriteRefs(item, names);
  }
  return out;
}
