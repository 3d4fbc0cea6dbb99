import type { z } from "zod";

/**
 * A node's `data` through its lenient schema: typed values, or defaults where a value is off.
 * Only the fields in error fall back, and a text over its length limit is still shown as it
 * is (its node says it is too long): a box never looks empty while it holds text.
 */
export function readData<T extends z.ZodType>(schema: T, data: unknown): Partial<z.output<T>> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as Partial<z.output<T>>;
  if (!data || typeof data !== "object") return {};
  const raw = data as Record<string, unknown>;
  const failed = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const rest = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !failed.has(key))));
  const values: Record<string, unknown> = rest.success ? { ...(rest.data as object) } : {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (issue.code === "too_big" && issue.path.length === 1 && typeof key === "string" && typeof raw[key] === "string") values[key] = raw[key];
  }
  return values as Partial<z.output<T>>;
}
