/**
 * The OpenAPI document is generated from the route table: every operation has its
 * parameters, its request body, its success answers and the error body, and every `$ref`
 * points at a component that exists.
 */
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/contracts/api-routes";
import { errorStatuses, type RouteSpec } from "@/contracts/route-spec";
import { buildOpenApiDocument } from "@/server/http/openapi-document";

type Json = Record<string, any>;
const doc = buildOpenApiDocument("https://galaxy.example") as Json;
const operations = Object.entries(API_ROUTES as Record<string, RouteSpec>).map(([id, spec]) => ({
  id,
  spec,
  op: doc.paths[spec.path]?.[spec.method.toLowerCase()] as Json | undefined,
}));

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => (key === "$ref" ? [item as string] : refsIn(item)));
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with one operation per entry of the route table, and nothing else", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://galaxy.example" }]);
    for (const { id, op } of operations) expect(op?.operationId, id).toBe(id);
    const documented = Object.values(doc.paths as Json).reduce(
      (n: number, ops: Json) => n + Object.keys(ops).length,
      0,
    );
    expect(documented).toBe(operations.length);
  });

  it("gives every JSON operation its success answer and every other one its content type", () => {
    for (const { id, spec, op } of operations) {
      const answers = [
        ...(spec.response ? [{ status: spec.status ?? 200, response: spec.response }] : []),
        ...(spec.also ? [{ status: spec.also.status, response: spec.also.response }] : []),
      ];
      for (const { status, response } of answers) {
        const schema = op!.responses[status]?.content?.["application/json"]?.schema;
        expect(schema?.properties?.success, `${id} ${status}`).toEqual({ type: "boolean", const: true });
        expect(Object.keys(schema.properties).sort(), `${id} ${status}`).toEqual(
          ["success", ...Object.keys(response.shape)].sort(),
        );
      }
      if (spec.raw) expect(op!.responses[200].content[spec.raw.contentType], id).toBeDefined();
      expect(answers.length > 0 || spec.raw !== undefined, `${id} documents no answer`).toBe(true);
    }
    const events =
      doc.paths["/api/execute/{runId}/events"].get.responses[200].content["text/event-stream"]["x-events"];
    expect(Object.keys(events)).toEqual(["snapshot", "node", "delta", "run", "log", "end"]);
  });

  it("gives every operation its error answers, all with the shared error body", () => {
    for (const { id, spec, op } of operations) {
      const statuses = Object.keys(op!.responses)
        .map(Number)
        .filter((s) => s >= 400);
      expect(statuses, id).toEqual(errorStatuses(spec));
      for (const status of statuses)
        expect(op!.responses[status].content["application/json"].schema, `${id} ${status}`).toEqual({
          $ref: "#/components/schemas/ApiError",
        });
      if (spec.auth === "public") expect(op!.security, id).toEqual([]);
      else expect(statuses, id).toContain(401);
    }
    expect(doc.components.schemas.ApiError.properties.code.enum).toContain("NOT_FOUND");
  });

  it("gives every operation its parameters and request body", () => {
    for (const { id, spec, op } of operations) {
      const params = op!.parameters as Json[];
      for (const [, name] of spec.path.matchAll(/\{(\w+)\}/g)) {
        const param = params.find((p) => p.in === "path" && p.name === name);
        expect(param, `${id} path parameter ${name}`).toMatchObject({ required: true });
        // Ids are strings; a version number is an integer.
        expect(param!.schema.type, `${id} path parameter ${name}`).toBe(name === "version" ? "integer" : "string");
      }
      const queryKeys = Object.keys(spec.query?.shape ?? {});
      expect(
        params.filter((p) => p.in === "query").map((p) => p.name),
        id,
      ).toEqual(queryKeys);
      const content = op!.requestBody?.content;
      if (spec.body) expect(content?.["application/json"]?.schema?.type, id).toBe("object");
      else if (spec.form)
        expect(content?.["multipart/form-data"]?.schema?.properties?.file, id).toMatchObject({
          type: "string",
          format: "binary",
        });
      else expect(op!.requestBody, id).toBeUndefined();
    }
    const list = doc.paths["/api/workflows"].get.parameters as Json[];
    expect(list.find((p) => p.name === "limit")).toMatchObject({
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    });
  });

  it("names shared shapes once, as components every $ref resolves to", () => {
    const components = doc.components.schemas as Json;
    for (const name of [
      "Workflow",
      "WorkflowSummary",
      "Run",
      "NodeResult",
      "ExecutionLog",
      "RunListItem",
      "Asset",
      "ApiError",
      "GraphNode",
    ]) {
      expect(components[name], name).toBeDefined();
    }
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(components[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain("#/$defs");
    expect(components.Run.properties).not.toHaveProperty("errorStack");
  });
});
