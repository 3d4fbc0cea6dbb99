/**
 * The machine-readable description of Galaxy's HTTP API (OpenAPI 3.1), generated from the
 * route table (`src/contracts/api-routes.ts`) and its zod schemas: path and query parameters,
 * request bodies, every success answer and the shared error body. Nothing here is written
 * by hand but the wording of the statuses.
 */
import { API_ROUTES } from "@/contracts/api-routes";
import { ZApiError } from "@/contracts/errors";
import { errorStatuses, successSchema, type RouteSpec } from "@/contracts/route-spec";
import { createSchemaCollector, type JsonSchema, type SchemaCollector } from "./openapi-schemas";

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted: the run is queued",
  400: "Invalid input: every problem in `issues`",
  401: "Not signed in, or the credential is invalid (the message says why)",
  403: "Cross-origin request refused (cookie-authenticated mutations must come from Galaxy's own pages)",
  404: "Not found, or not yours",
  408: "The JSON body did not arrive in time (the connection is closed)",
  409: "Conflict (VERSION_CONFLICT: `currentVersion` and `workflow` say what it is now)",
  413: "Body too large",
  415: "Wrong content type",
  429: "Rate limited (see Retry-After)",
  500: "Internal error (details only in the server log)",
  503: "Unavailable (database or job queue); retry after Retry-After seconds",
};

export function buildOpenApiDocument(serverUrl?: string) {
  const schemas = createSchemaCollector();
  const errorBody = { "application/json": { schema: schemas.convert(ZApiError, "output") } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, spec] of Object.entries(API_ROUTES) as [string, RouteSpec][]) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method.toLowerCase()] = {
      operationId,
      summary: spec.summary,
      ...(spec.auth === "public" ? { security: [] } : {}),
      parameters: parameters(spec, schemas),
      ...requestBody(spec, schemas),
      responses: {
        ...successResponses(spec, schemas),
        ...Object.fromEntries(
          errorStatuses(spec).map((status) => [
            status,
            { description: STATUS_TEXT[status], content: errorBody },
          ]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Galaxy API",
      version: "1.0.0",
      description:
        "Visual AI workflows. Every route needs a session cookie or Authorization: Bearer <token> unless marked public.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token (gxy_…) or a Clerk session token",
        },
        session: { type: "apiKey", in: "cookie", name: "galaxy_session" },
      },
      schemas: schemas.components(),
    },
  };
}

function parameters(spec: RouteSpec, schemas: SchemaCollector): JsonSchema[] {
  const from = (where: "path" | "query", schema: RouteSpec["query"]) => {
    if (!schema) return [];
    const object = schemas.convert(schema, "input") as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    return Object.entries(object.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: where,
        required: where === "path" || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      };
    });
  };
  return [...from("path", spec.params), ...from("query", spec.query)];
}

function requestBody(spec: RouteSpec, schemas: SchemaCollector) {
  if (spec.body)
    return {
      requestBody: {
        required: true,
        content: { "application/json": { schema: schemas.convert(spec.body, "input") } },
      },
    };
  if (spec.form)
    return {
      requestBody: {
        required: true,
        content: { "multipart/form-data": { schema: schemas.convert(spec.form, "input") } },
      },
    };
  return {};
}

function successResponses(spec: RouteSpec, schemas: SchemaCollector): Record<string, unknown> {
  if (spec.raw) {
    const events = spec.raw.events
      ? {
          "x-events": Object.fromEntries(
            Object.entries(spec.raw.events).map(([name, schema]) => [
              name,
              schemas.convert(schema, "output"),
            ]),
          ),
        }
      : {};
    return {
      200: {
        description: spec.raw.description,
        content: { [spec.raw.contentType]: { schema: { type: "string" }, ...events } },
      },
    };
  }
  const answer = (response: NonNullable<RouteSpec["response"]>, description: string) => ({
    description,
    content: { "application/json": { schema: schemas.convert(successSchema(response), "output") } },
  });
  const status = spec.status ?? 200;
  return {
    ...(spec.response ? { [status]: answer(spec.response, STATUS_TEXT[status]) } : {}),
    ...(spec.also
      ? {
          [spec.also.status]: answer(
            spec.also.response,
            `${STATUS_TEXT[spec.also.status]}: ${spec.also.when}`,
          ),
        }
      : {}),
  };
}
