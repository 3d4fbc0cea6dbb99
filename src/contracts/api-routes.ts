/**
 * The route table: every operation of Galaxy's HTTP API, once. The OpenAPI document is built
 * from it (`src/server/http/openapi-document.ts`), each `route.ts` hands its entry to
 * `apiRoute(...)` (so the handler's answer is checked against `response` at compile time),
 * and `tests/api/route-matrix.test.ts` fails when a route file and this table disagree.
 *
 * To add a route: write its entry here, then `export const GET = apiRoute(API_ROUTES.x, handler)`
 * in `src/app/api/<path>/route.ts`.
 */
import { z } from "zod";
import { ZFileParams, ZPublicAsset, ZUploadForm } from "./asset";
import {
  ZCreateToken,
  ZCreatedApiToken,
  ZMe,
  ZPublicApiToken,
  ZPublicUser,
  ZSignIn,
  ZSignUp,
  ZTokenParams,
} from "./auth";
import { ZIdParams } from "./list-query";
import {
  ZExecuteBody,
  ZListRunsQuery,
  ZPublicRun,
  ZPublicRunRow,
  ZRunPage,
  ZRunParams,
  ZRunQueued,
} from "./run";
import { RUN_STREAM_EVENTS } from "./run-events";
import { defineRoute } from "./route-spec";
import { ZCompareRunsQuery, ZRunComparison } from "./run-compare";
import { ZHealth, ZIntegrations } from "./server-info";
import { ZListVersionsQuery, ZNameVersion, ZVersionDetail, ZVersionPage, ZVersionParams, ZVersionSummary } from "./version";
import { ZNothing } from "./wire";
import {
  ZCreateWorkflow,
  ZImportWorkflow,
  ZListWorkflowsQuery,
  ZPatchWorkflow,
  ZPublicWorkflow,
  ZReplaceWorkflow,
  ZWorkflowExport,
  ZWorkflowPage,
} from "./workflow";

const ZWorkflowAnswer = z.object({ workflow: ZPublicWorkflow });

export const API_ROUTES = {
  // ---- server ----
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "Liveness with a database check (503 when the database does not answer)",
    auth: "public",
    response: ZHealth,
    errors: [503],
  }),
  openapi: defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This document",
    auth: "public",
    raw: { contentType: "application/json", description: "the OpenAPI 3.1 description of this API" },
  }),
  integrations: defineRoute({
    method: "GET",
    path: "/api/integrations",
    summary: "Configured database, auth, queue, storage and model providers (no secrets)",
    response: ZIntegrations,
  }),

  // ---- accounts ----
  signUp: defineRoute({
    method: "POST",
    path: "/api/auth/sign-up",
    summary: "Create a local account; sets the session cookie",
    auth: "public",
    body: ZSignUp,
    response: z.object({ user: ZPublicUser }),
    errors: [409, 429],
  }),
  signIn: defineRoute({
    method: "POST",
    path: "/api/auth/sign-in",
    summary: "Sign in; sets the session cookie. Rate-limited per IP and e-mail (429 with Retry-After)",
    auth: "public",
    body: ZSignIn,
    response: z.object({ user: ZPublicUser }),
    errors: [429],
  }),
  signOut: defineRoute({
    method: "POST",
    path: "/api/auth/sign-out",
    summary: "End the session and clear its cookie (a no-op when signed out)",
    auth: "public",
    response: ZNothing,
  }),
  me: defineRoute({
    method: "GET",
    path: "/api/auth/me",
    summary: "The signed-in user and how the request authenticated",
    response: ZMe,
  }),
  listTokens: defineRoute({
    method: "GET",
    path: "/api/tokens",
    summary: "Own API tokens, newest first (never the secret)",
    response: z.object({ tokens: z.array(ZPublicApiToken) }),
  }),
  createToken: defineRoute({
    method: "POST",
    path: "/api/tokens",
    summary: "Create an API token; the secret is in this answer only",
    body: ZCreateToken,
    response: ZCreatedApiToken,
    status: 201,
  }),
  revokeToken: defineRoute({
    method: "DELETE",
    path: "/api/tokens/{id}",
    summary: "Revoke an own API token",
    params: ZTokenParams,
    response: ZNothing,
  }),

  // ---- workflows ----
  listWorkflows: defineRoute({
    method: "GET",
    path: "/api/workflows",
    summary:
      "Own workflows, most recently updated first, without the graph, each with its last run; `cursor` or `skip`, `q` search, `tag` filter",
    query: ZListWorkflowsQuery,
    response: ZWorkflowPage,
  }),
  createWorkflow: defineRoute({
    method: "POST",
    path: "/api/workflows",
    summary: "Create a workflow; the graph is checked structurally (a half-finished graph is fine)",
    body: ZCreateWorkflow,
    response: ZWorkflowAnswer,
    status: 201,
  }),
  getWorkflow: defineRoute({
    method: "GET",
    path: "/api/workflows/{id}",
    summary: "An own workflow with its 10 latest runs",
    params: ZIdParams,
    response: ZWorkflowAnswer,
  }),
  replaceWorkflow: defineRoute({
    method: "PUT",
    path: "/api/workflows/{id}",
    summary: "Replace the whole workflow; with `version`: 409 VERSION_CONFLICT when stale",
    params: ZIdParams,
    body: ZReplaceWorkflow,
    response: ZWorkflowAnswer,
    errors: [409],
  }),
  patchWorkflow: defineRoute({
    method: "PATCH",
    path: "/api/workflows/{id}",
    summary: "Update the given fields; with `version`: 409 VERSION_CONFLICT when stale",
    params: ZIdParams,
    body: ZPatchWorkflow,
    response: ZWorkflowAnswer,
    errors: [409],
  }),
  deleteWorkflow: defineRoute({
    method: "DELETE",
    path: "/api/workflows/{id}",
    summary: "Delete an own workflow (its runs stay, detached)",
    params: ZIdParams,
    response: ZNothing,
  }),
  duplicateWorkflow: defineRoute({
    method: "POST",
    path: "/api/workflows/{id}/duplicate",
    summary: 'Copy an own workflow as "<name> (copy)", at version 1 and private',
    params: ZIdParams,
    response: ZWorkflowAnswer,
    status: 201,
  }),
  exportWorkflow: defineRoute({
    method: "GET",
    path: "/api/workflows/{id}/export",
    summary: "The portable JSON document of an own workflow, as a download",
    params: ZIdParams,
    response: ZWorkflowExport,
  }),
  importWorkflow: defineRoute({
    method: "POST",
    path: "/api/workflows/import",
    summary: "Create a workflow from an exported document or a bare {name, nodes, edges}",
    body: ZImportWorkflow,
    response: ZWorkflowAnswer,
    status: 201,
  }),
  createTemplateWorkflow: defineRoute({
    method: "POST",
    path: "/api/templates/product-marketing-kit",
    summary: 'Create the sample "Product Marketing Kit Generator" workflow (sample media made on first use)',
    response: ZWorkflowAnswer,
    status: 201,
  }),

  // ---- versions ----
  listVersions: defineRoute({
    method: "GET",
    path: "/api/workflows/{id}/versions",
    summary: "An own workflow's saved versions, newest first, without their graphs; `limit` and `skip`",
    params: ZIdParams,
    query: ZListVersionsQuery,
    response: ZVersionPage,
  }),
  nameVersion: defineRoute({
    method: "POST",
    path: "/api/workflows/{id}/versions",
    summary: "Name the current version (or `version`): a named version is never pruned",
    params: ZIdParams,
    body: ZNameVersion,
    response: z.object({ version: ZVersionSummary }),
  }),
  getVersion: defineRoute({
    method: "GET",
    path: "/api/workflows/{id}/versions/{version}",
    summary: "One version of an own workflow with its graph (any number a save produced)",
    params: ZVersionParams,
    response: z.object({ version: ZVersionDetail }),
  }),
  restoreVersion: defineRoute({
    method: "POST",
    path: "/api/workflows/{id}/versions/{version}/restore",
    summary: "Save that version's graph as the workflow's new version (undo by restoring the previous one)",
    params: ZVersionParams,
    response: ZWorkflowAnswer,
  }),

  // ---- runs ----
  startRun: defineRoute({
    method: "POST",
    path: "/api/execute",
    summary: "Run a saved workflow (workflowId) or an ad-hoc graph (nodes, edges), whole or only `nodeIds`",
    body: ZExecuteBody,
    response: ZRunQueued,
    status: 202,
    also: {
      status: 200,
      response: z.object({ run: ZPublicRun }),
      when: 'with "wait": true, when the run ended within 60 s',
    },
    errors: [404, 429, 503],
  }),
  getRun: defineRoute({
    method: "GET",
    path: "/api/execute/{runId}",
    summary: "An own run with its node results and its logs in order",
    params: ZRunParams,
    response: z.object({ run: ZPublicRun }),
  }),
  cancelRun: defineRoute({
    method: "POST",
    path: "/api/execute/{runId}/cancel",
    summary:
      "Cancel an own run (QUEUED or RUNNING → CANCELED; in-flight work is aborted); a final run is left as it is",
    params: ZRunParams,
    response: z.object({ run: ZPublicRunRow }),
  }),
  streamRunEvents: defineRoute({
    method: "GET",
    path: "/api/execute/{runId}/events",
    summary:
      "Live progress of an own run as Server-Sent Events: a snapshot, then every node, run and log change, then end",
    params: ZRunParams,
    raw: {
      contentType: "text/event-stream",
      description:
        "events `snapshot`, `node`, `run`, `log`, `end` (their data in x-events); a `: ping` comment every 15 s",
      events: RUN_STREAM_EVENTS,
    },
  }),
  listRuns: defineRoute({
    method: "GET",
    path: "/api/runs",
    summary: "Own runs, newest first, with a summary of each node result; filters workflowId and status",
    query: ZListRunsQuery,
    response: ZRunPage,
  }),

  compareRuns: defineRoute({
    method: "GET",
    path: "/api/runs/compare",
    summary: "Two own runs side by side, node by node: status, params, inputs, outputs, usage and time, with what changed",
    query: ZCompareRunsQuery,
    response: ZRunComparison,
  }),

  // ---- files ----
  upload: defineRoute({
    method: "POST",
    path: "/api/uploads",
    summary: "Upload an image or a video (size and type checked by content)",
    form: ZUploadForm,
    response: z.object({ asset: ZPublicAsset }),
    status: 201,
  }),
  getFile: defineRoute({
    method: "GET",
    path: "/api/files/{id}",
    summary: "An own file, with Range, ETag and private caching",
    params: ZFileParams,
    raw: {
      contentType: "application/octet-stream",
      description: "the file's bytes, with its own Content-Type (206 for a Range)",
    },
  }),
} as const;

export type ApiRouteName = keyof typeof API_ROUTES;
