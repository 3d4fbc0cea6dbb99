/**
 * The machine-readable description of Galaxy's HTTP API (OpenAPI 3.1), written by
 * hand and kept honest by `tests/api/openapi.test.ts`, which checks that every
 * `route.ts` and exported method appears here.
 */
type Method = "get" | "post" | "put" | "patch" | "delete";
interface Operation {
  summary: string;
  public?: boolean;
  body?: string;
  query?: string[];
  status?: number;
}

const ROUTES: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/health": { get: { summary: "Liveness with a database check", public: true } },
  "/api/openapi.json": { get: { summary: "This document", public: true } },
  "/api/auth/sign-up": {
    post: { summary: "Create a local account ({email, password, name?}); sets the session cookie; {user}", public: true, body: "SignUp" },
  },
  "/api/auth/sign-in": {
    post: { summary: "Sign in ({email, password}); sets the session cookie; {user}. Rate-limited per IP and e-mail (429)", public: true, body: "SignIn" },
  },
  "/api/auth/sign-out": { post: { summary: "End the session and clear its cookie (no-op when signed out)", public: true } },
  "/api/auth/me": { get: { summary: "The signed-in user and how the request authenticated" } },
  "/api/tokens": {
    get: { summary: "Own API tokens: id, name, prefix, createdAt, lastUsedAt (never the secret)" },
    post: { summary: "Create an API token ({name}) → {token, id, prefix}; the secret is shown once", body: "CreateToken", status: 201 },
  },
  "/api/tokens/{id}": { delete: { summary: "Revoke an own API token" } },
  "/api/workflows": {
    get: {
      summary: "Own workflows, most recently updated first, without the graph; each with its last run → {workflows, total, hasMore, nextCursor?}",
      query: ["limit", "cursor", "skip", "q", "tag"],
    },
    post: { summary: "Create a workflow ({name, description?, nodes, edges, tags?}); the graph is validated → {workflow}", body: "Workflow", status: 201 },
  },
  "/api/workflows/{id}": {
    get: { summary: "An own workflow with its 10 latest runs → {workflow}" },
    put: { summary: "Replace the whole workflow; with version: 409 VERSION_CONFLICT when stale → {workflow}", body: "Workflow" },
    patch: { summary: "Update the given fields; with version: 409 VERSION_CONFLICT when stale → {workflow}", body: "WorkflowPatch" },
    delete: { summary: "Delete an own workflow (its runs stay, detached)" },
  },
  "/api/workflows/{id}/duplicate": { post: { summary: 'Copy an own workflow as "<name> (copy)" → {workflow}', status: 201 } },
  "/api/workflows/{id}/export": { get: { summary: "Portable JSON document {format, formatVersion, exportedAt, workflow}, as a download" } },
  "/api/workflows/import": { post: { summary: "Create a workflow from an exported document or a bare {name, nodes, edges} → {workflow}", body: "Workflow", status: 201 } },
  "/api/templates/product-marketing-kit": {
    post: { summary: 'Create the sample "Product Marketing Kit Generator" workflow in the account → {workflow}', status: 201 },
  },
  "/api/execute": {
    post: {
      summary: 'Run a saved workflow (workflowId) or an ad-hoc graph (nodes, edges), fully or only nodeIds → 202 {runId}; with "wait": true → {run}',
      body: "Execute",
      status: 202,
    },
  },
  "/api/execute/{runId}": { get: { summary: "An own run with its node results and logs in time order → {run}" } },
  "/api/execute/{runId}/cancel": { post: { summary: "Cancel an own run (in-flight work is aborted)" } },
  "/api/execute/{runId}/events": { get: { summary: "Server-Sent Events: a snapshot, then every node and run change" } },
  "/api/runs": { get: { summary: "Own runs, newest first → {runs, total, hasMore}", query: ["workflowId", "status", "limit", "skip"] } },
  "/api/uploads": { post: { summary: "Upload an image or video (multipart field file; type checked by content) → {asset}", status: 201 } },
  "/api/files/{id}": { get: { summary: "Serve an own file (supports Range)" } },
  "/api/integrations": { get: { summary: "Configured database, auth, queue, storage and model providers (no secrets)" } },
};

const ERROR_RESPONSES = {
  "400": { description: "Invalid input: {success:false, error, code, issues:[{path, message}]}" },
  "401": { description: "Not signed in, or the credential is invalid (the message says why)" },
  "404": { description: "Not found, or not yours" },
  "409": { description: "Version conflict: {currentVersion}" },
  "413": { description: "Body too large" },
  "415": { description: "Body is not JSON" },
  "429": { description: "Rate limited (Retry-After)" },
};

/** Every documented route with its methods: `{"/api/workflows": ["GET", "POST"], …}`. */
export function documentedRoutes(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(ROUTES).map(([path, ops]) => [path, Object.keys(ops).map((m) => m.toUpperCase())]));
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(ROUTES)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      paths[path][method] = {
        summary: op.summary,
        ...(op.public ? { security: [] } : {}),
        parameters: [...params, ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } }))],
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${op.body}` } } } } } : {}),
        responses: { [String(op.status ?? 200)]: { description: "{success:true, …}" }, ...ERROR_RESPONSES },
      };
    }
  }
  const graph = {
    nodes: { type: "array", items: { type: "object", required: ["id", "type", "position", "data"] } },
    edges: { type: "array", items: { type: "object", required: ["id", "source", "sourceHandle", "target", "targetHandle"] } },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Galaxy API", version: "1.0.0", description: "Visual AI workflows. Every route needs a session cookie or Authorization: Bearer <token> unless marked public." },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (gxy_…) or a Clerk session token" },
        session: { type: "apiKey", in: "cookie", name: "galaxy_session" },
      },
      schemas: {
        SignUp: { type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string", minLength: 8 }, name: { type: "string" } } },
        SignIn: { type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" } } },
        CreateToken: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        Workflow: {
          type: "object",
          required: ["name", "nodes", "edges"],
          properties: { name: { type: "string" }, description: { type: ["string", "null"] }, tags: { type: "array", items: { type: "string" } }, isPublic: { type: "boolean" }, version: { type: "integer" }, ...graph },
        },
        WorkflowPatch: {
          type: "object",
          properties: { name: { type: "string" }, description: { type: ["string", "null"] }, tags: { type: "array", items: { type: "string" } }, isPublic: { type: "boolean" }, version: { type: "integer" }, ...graph },
        },
        Execute: {
          type: "object",
          properties: { workflowId: { type: "string" }, nodeIds: { type: "array", items: { type: "string" } }, wait: { type: "boolean" }, ...graph },
        },
      },
    },
  };
}
