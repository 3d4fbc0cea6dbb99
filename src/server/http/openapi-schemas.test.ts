import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSchemaCollector } from "./openapi-schemas";

describe("createSchemaCollector", () => {
  it("turns named schemas into components referenced by $ref, once", () => {
    const ZItem = z
      .object({ id: z.string(), at: z.iso.datetime(), n: z.number().int() })
      .meta({ id: "TestItem" });
    const schemas = createSchemaCollector();
    const list = schemas.convert(z.object({ items: z.array(ZItem), first: ZItem.nullable() }), "output");
    expect(list.properties).toEqual({
      items: { type: "array", items: { $ref: "#/components/schemas/TestItem" } },
      first: { anyOf: [{ $ref: "#/components/schemas/TestItem" }, { type: "null" }] },
    });
    // No regex beside a date-time's format, no ±2^53 bounds on an integer.
    expect(schemas.components().TestItem.properties).toEqual({
      id: { type: "string" },
      at: { type: "string", format: "date-time" },
      n: { type: "integer" },
    });
  });

  it("gives a named schema whose request side differs a second component, <id>Input", () => {
    const ZPaged = z.object({ limit: z.coerce.number().int().default(20) }).meta({ id: "TestPaged" });
    const schemas = createSchemaCollector();
    expect(schemas.convert(z.object({ page: ZPaged }), "output").properties).toEqual({
      page: { $ref: "#/components/schemas/TestPaged" },
    });
    expect(schemas.convert(z.object({ page: ZPaged }), "input").properties).toEqual({
      page: { $ref: "#/components/schemas/TestPagedInput" },
    });
    expect(schemas.components().TestPaged.required).toEqual(["limit"]);
    expect(schemas.components().TestPagedInput.required).toBeUndefined();
  });
});
