/**
 * What the API answers with, as the browser sees it (dates are ISO strings). Every type is
 * inferred from the response schemas in `src/contracts/`, the ones the server's presenters
 * are checked against: nothing here is written twice.
 */
import type { z } from "zod";
import type { API_ROUTES, ApiRouteName } from "@/contracts/api-routes";
import type { ZPublicAsset } from "@/contracts/asset";
import type { ZPublicApiToken } from "@/contracts/auth";
import type { ZWireEdge, ZWireGraph, ZWireNode } from "@/contracts/graph";
import type { RouteAnswer } from "@/contracts/route-spec";
import type { ZPublicLog, ZPublicRun, ZPublicRunListItem, ZPublicRunRow } from "@/contracts/run";
import type { RUN_STREAM_EVENTS, ZNodeResultEvent, ZNodeTextDelta } from "@/contracts/run-events";
import type { ZBudget, ZUsage, ZUsageTotals } from "@/contracts/usage";
import type { ZIntegrations } from "@/contracts/server-info";
import type { ZPublicWorkflow, ZPublicWorkflowSummary, ZWorkflowRunSummary } from "@/contracts/workflow";

export type { NodeStatus, RunScope, RunStatus } from "@/engine/statuses";

/** The whole answer of a route, `success` included: `ApiAnswer<"getRun">` is `{success: true, run: Run}`. */
export type ApiAnswer<K extends ApiRouteName> = RouteAnswer<(typeof API_ROUTES)[K]>;

export type WireNode = z.output<typeof ZWireNode>;
export type WireEdge = z.output<typeof ZWireEdge>;
export type WireGraph = z.output<typeof ZWireGraph>;

export type Workflow = z.output<typeof ZPublicWorkflow>;
/** A workflow in the dashboard's list: no graph, with its latest run. */
export type WorkflowSummary = z.output<typeof ZPublicWorkflowSummary>;
/** A run in a workflow's history (`workflow.runs`). */
export type RunSummary = z.output<typeof ZWorkflowRunSummary>;

/** One run with its node results and logs (`GET /api/execute/{runId}`). */
export type Run = z.output<typeof ZPublicRun>;
/** A run in the run list (`GET /api/runs`): node results summarized. */
export type RunListItem = z.output<typeof ZPublicRunListItem>;
/** A run without its graph and details: the cancel answer and the live stream's `run` events. */
export type RunRow = z.output<typeof ZPublicRunRow>;
/** A node result as the editor holds it: from a run's answer, or a live `node` event (which may lack its id and timestamps). */
export type NodeResult = z.output<typeof ZNodeResultEvent>;
export type ExecutionLog = z.output<typeof ZPublicLog>;
/** A live `delta` event: text an LLM node streamed, for its `attempt` (DESIGN §9). */
export type TextDelta = z.output<typeof ZNodeTextDelta>;
/** Tokens and cost of a model call, a run or 30 days of a workflow: `null` where unknown. */
export type Usage = z.output<typeof ZUsage>;
export type UsageTotals = z.output<typeof ZUsageTotals>;
export type Budget = z.output<typeof ZBudget>;
/** The data of each live run event, by event name. */
export type RunStreamData = {
  [E in keyof typeof RUN_STREAM_EVENTS]: z.output<(typeof RUN_STREAM_EVENTS)[E]>;
};

export type Asset = z.output<typeof ZPublicAsset>;
export type ApiToken = z.output<typeof ZPublicApiToken>;
export type Integrations = z.output<typeof ZIntegrations>;
