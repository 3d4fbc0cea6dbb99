import type { z } from "zod";

/** A node's `data` through its lenient schema: typed values, or defaults when a value is off. */
export function readData<T extends z.ZodType>(schema: T, data: unknown): Partial<z.output<T>> {
  const parsed = schema.safeParse(data);
  return parsed.success ? (parsed.data as Partial<z.output<T>>) : {};
}
