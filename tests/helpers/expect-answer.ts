/**
 * Checks a real answer against its route's schemas (`src/contracts/api-routes.ts`): the
 * status, and a body that the schema parses to itself — so a missing, mistyped or extra field
 * fails (zod drops keys a schema does not name, and the comparison then sees them gone).
 */
import { expect } from "vitest";
import type { z } from "zod";
import { ZApiError } from "@/contracts/errors";
import { successSchema, type RouteSpec } from "@/contracts/route-spec";

interface Answer {
  status: number;
  json: Record<string, any> | undefined;
}

export function expectShape(schema: z.ZodType, value: unknown, label = "answer"): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues, `${label} does not match its schema`).toEqual([]);
  expect(parsed.data, `${label} has fields its schema does not name`).toEqual(value);
}

/** The route's main answer (`response` with `status`), or its `also` answer when `also` is true. */
export function expectAnswer(spec: RouteSpec, res: Answer, options: { also?: boolean } = {}): void {
  const { response, status } = options.also
    ? spec.also!
    : { response: spec.response!, status: spec.status ?? 200 };
  expect(res.status, `${spec.method} ${spec.path}: ${JSON.stringify(res.json).slice(0, 300)}`).toBe(status);
  expectShape(successSchema(response), res.json, `${spec.method} ${spec.path}`);
}

export function expectErrorAnswer(res: Answer, status: number, code: string): void {
  expect(res.status).toBe(status);
  expectShape(ZApiError, res.json, "error answer");
  expect(res.json?.code).toBe(code);
}
