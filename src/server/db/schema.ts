/**
 * The data model: the seed's five models (User, Workflow, WorkflowRun, NodeResult,
 * ExecutionLog) plus Session, ApiToken and Asset (DESIGN §2).
 *
 * SQL naming: plural snake_case tables, snake_case columns (Drizzle `casing: "snake_case"`
 * maps the camelCase field names below), enums named `<thing>_status`. The enums' values are
 * the engine's lists (`src/engine/statuses.ts`), defined there once.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { RUN_SOURCES } from "@/contracts/run";
import type { TBudget, TRunErrorCode, TUsage } from "@/contracts/usage";
import type { TWorkflowSettings } from "@/contracts/workflow";
import { LOG_LEVELS, NODE_STATUSES, RUN_SCOPES, RUN_STATUSES } from "@/engine/statuses";
import { createId } from "@/lib/ids";

export const ASSET_KINDS = ["image", "video"] as const;

export const runStatus = pgEnum("run_status", RUN_STATUSES);
export const nodeStatus = pgEnum("node_status", NODE_STATUSES);
export const runScope = pgEnum("run_scope", RUN_SCOPES);
export const runSource = pgEnum("run_source", RUN_SOURCES);
export const logLevel = pgEnum("log_level", LOG_LEVELS);
export const assetKind = pgEnum("asset_kind", ASSET_KINDS);

const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => createId());
const time = () => timestamp({ withTimezone: true, mode: "date" });
const createdAt = () => time().notNull().defaultNow();
const updatedAt = () => createdAt().$onUpdate(() => new Date());
/** The owning user: their rows go when they do. */
const ownerId = () =>
  text()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
/** The run a row belongs to: it goes with the run. */
const ofRun = () =>
  text()
    .notNull()
    .references(() => workflowRuns.id, { onDelete: "cascade" });

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Null for local accounts. */
    clerkId: text().unique(),
    email: text().notNull().unique(),
    name: text(),
    avatar: text(),
    /** scrypt hash; null for Clerk users. */
    passwordHash: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("users_clerk_id_idx").on(t.clerkId), index("users_email_idx").on(t.email)],
);

export const workflows = pgTable(
  "workflows",
  {
    id: id(),
    userId: ownerId(),
    name: text().notNull(),
    description: text(),
    nodes: jsonb().$type<unknown[]>().notNull(),
    edges: jsonb().$type<unknown[]>().notNull(),
    isPublic: boolean().notNull().default(false),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer().notNull().default(1),
    /** `{budget?}`: the workflow's run defaults (ZWorkflowSettings). */
    settings: jsonb().$type<TWorkflowSettings>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("workflows_user_id_idx").on(t.userId),
    index("workflows_created_at_idx").on(t.createdAt),
    // Serves the dashboard's order (updated_at DESC, id DESC) without sorting every workflow.
    index("workflows_user_updated_id_idx").on(t.userId, t.updatedAt, t.id),
    // Replaces the seed's MySQL-only @@fulltext([name, description]).
    index("workflows_search_idx").using(
      "gin",
      sql`to_tsvector('simple', ${t.name} || ' ' || coalesce(${t.description}, ''))`,
    ),
    index("workflows_tags_idx").using("gin", t.tags),
  ],
);

/**
 * The saved versions of a workflow (DESIGN §9), written by the database itself: the trigger
 * `workflows_snapshot` (migration 0003) runs on every insert and every change of
 * `workflows.version`. Consecutive versions with the same graph share one row
 * (`version`..`last_version`). A row lists its nodes as content hashes into
 * `workflow_graph_parts`, so a save stores only the nodes it changed.
 */
export const workflowVersions = pgTable(
  "workflow_versions",
  {
    workflowId: text()
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    /** The first save with this graph. */
    version: integer().notNull(),
    /** The latest save with this same graph. */
    lastVersion: integer().notNull(),
    /** md5 of each node's jsonb, in the graph's order. */
    nodeRefs: text().array().notNull(),
    /** md5 of the edges array's jsonb. */
    edgesRef: text().notNull(),
    nodeCount: integer().notNull(),
    edgeCount: integer().notNull(),
    /** Its name: a named version is never pruned. */
    message: text(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    restoredFrom: integer(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.version] })],
);

/** Content-addressed pieces of saved graphs (each node; each edges array), per workflow. */
export const workflowGraphParts = pgTable(
  "workflow_graph_parts",
  {
    workflowId: text()
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    hash: text().notNull(),
    body: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.hash] })],
);

export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: id(),
    /** Null for ad-hoc runs and after the workflow is deleted. */
    workflowId: text().references(() => workflows.id, { onDelete: "set null" }),
    userId: ownerId(),
    /** Trigger.dev run id when the run went through Trigger.dev. */
    triggerId: text().unique(),
    status: runStatus().notNull().default("QUEUED"),
    scope: runScope().notNull().default("FULL"),
    /** Who started it: "editor" (the canvas) or "api" (anything else). */
    source: runSource().notNull().default("api"),
    targetNodeIds: text().array().notNull().default(sql`'{}'::text[]`),
    /** The graph snapshot this run executes: `{nodes, edges}`. */
    input: jsonb(),
    /** Node id → that node's outputs. */
    output: jsonb(),
    errorMessage: text(),
    /** Why the run was stopped, beside the message: "BUDGET_EXCEEDED". */
    errorCode: text().$type<TRunErrorCode>(),
    errorStack: text(),
    /** The caps this run was started with (the request's, else its workflow's default). */
    budget: jsonb().$type<TBudget>(),
    /** Sum of the node results' usage, written when the run ends; null when no model call was made. */
    usage: jsonb().$type<TUsage>(),
    /** The workflow version it ran (`workflow_versions`); null for ad-hoc graphs and unsaved ones. */
    workflowVersion: integer(),
    startedAt: time(),
    completedAt: time(),
    durationMs: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("workflow_runs_user_id_idx").on(t.userId),
    index("workflow_runs_workflow_id_idx").on(t.workflowId),
    index("workflow_runs_trigger_id_idx").on(t.triggerId),
    index("workflow_runs_status_idx").on(t.status),
    index("workflow_runs_created_at_idx").on(t.createdAt),
    index("workflow_runs_user_created_idx").on(t.userId, t.createdAt),
    // A workflow's latest run (dashboard, editor history) without a sort.
    index("workflow_runs_workflow_created_idx").on(t.workflowId, t.createdAt, t.id),
    // Which versions runs used (pruning keeps them; the versions list counts them).
    index("workflow_runs_workflow_version_idx").on(t.workflowId, t.workflowVersion),
  ],
);

export const nodeResults = pgTable(
  "node_results",
  {
    id: id(),
    runId: ofRun(),
    nodeId: text().notNull(),
    nodeType: text().notNull(),
    status: nodeStatus().notNull().default("IDLE"),
    input: jsonb(),
    output: jsonb(),
    error: text(),
    /** Facts beyond the outputs: token usage details, pixel sizes, attempts. */
    meta: jsonb(),
    /** What this node's model calls used in this run (its attempts summed); null when it made none. */
    usage: jsonb().$type<TUsage>(),
    /** Hash of type, params and resolved inputs: a partial run reuses a SUCCESS with the same key. */
    cacheKey: text(),
    /** True when this result was reused from an earlier run rather than executed. */
    cached: boolean().notNull().default(false),
    startedAt: time(),
    completedAt: time(),
    durationMs: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("node_results_run_id_idx").on(t.runId),
    index("node_results_node_id_idx").on(t.nodeId),
    index("node_results_status_idx").on(t.status),
    index("node_results_cache_key_idx").on(t.cacheKey),
    uniqueIndex("node_results_run_id_node_id_key").on(t.runId, t.nodeId),
  ],
);

export const executionLogs = pgTable(
  "execution_logs",
  {
    id: id(),
    /** Insertion order: timestamps can tie within a millisecond. */
    seq: bigserial({ mode: "number" }).notNull(),
    runId: ofRun(),
    level: logLevel().notNull(),
    message: text().notNull(),
    nodeId: text(),
    metadata: jsonb(),
    timestamp: time().notNull().defaultNow(),
  },
  (t) => [
    index("execution_logs_run_id_idx").on(t.runId, t.seq),
    index("execution_logs_level_idx").on(t.level),
    index("execution_logs_timestamp_idx").on(t.timestamp),
  ],
);

/**
 * What each user's model calls used per UTC day, across runs and processes, while
 * `GALAXY_DAILY_BUDGET_USD` is set: added to atomically as each call settles, read before each call.
 */
export const dailyUsage = pgTable(
  "daily_usage",
  {
    userId: ownerId(),
    /** The UTC day. */
    day: date({ mode: "string" }).notNull(),
    tokens: bigint({ mode: "number" }).notNull().default(0),
    /** Of the calls whose price is known. */
    costUsd: doublePrecision().notNull().default(0),
    calls: integer().notNull().default(0),
    /** Calls whose cost is unknown (no price): not in `costUsd`. */
    unpricedCalls: integer().notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/**
 * Rate limits shared by every process (`src/server/auth/rate-limit.ts`): one row per rule and
 * key (a sha256 of what is limited: an IP, an e-mail, an API token), holding the hits of the
 * current fixed window and of the one before it, from which a sliding count is estimated.
 * Reserved by one upsert before the work it guards; rows older than two windows are deleted.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    rule: text().notNull(),
    key: text().notNull(),
    windowStart: time().notNull(),
    windowSeconds: integer().notNull(),
    hits: integer().notNull(),
    prevHits: integer().notNull().default(0),
    /** Two windows after `windowStart`: from then on the row counts nothing. */
    expiresAt: time().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rule, t.key] }), index("rate_limits_expires_at_idx").on(t.expiresAt)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: ownerId(),
    /** sha256 of the cookie's secret; the secret itself is never stored. */
    tokenHash: text().notNull().unique(),
    expiresAt: time().notNull(),
    userAgent: text(),
    ip: text(),
    createdAt: createdAt(),
    lastSeenAt: createdAt(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_expires_at_idx").on(t.expiresAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: ownerId(),
    name: text().notNull(),
    /** The first characters of the token (e.g. `gxy_ab12cd`), shown in lists. */
    prefix: text().notNull(),
    /** sha256 of the whole token. */
    tokenHash: text().notNull().unique(),
    lastUsedAt: time(),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_user_id_idx").on(t.userId)],
);

export const assets = pgTable(
  "assets",
  {
    id: id(),
    userId: ownerId(),
    kind: assetKind().notNull(),
    mime: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    width: integer(),
    height: integer(),
    durationMs: integer(),
    /** "local" or "transloadit". */
    storage: text().notNull(),
    storageKey: text().notNull(),
    /** Remote URL when the storage is not local. */
    remoteUrl: text(),
    originalName: text(),
    sha256: text(),
    /** "upload", or "generated" for crops and frames made by a run. */
    source: text().notNull().default("upload"),
    runId: text(),
    createdAt: createdAt(),
  },
  (t) => [index("assets_user_id_idx").on(t.userId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Workflow = typeof workflows.$inferSelect;
export type WorkflowRun = typeof workflowRuns.$inferSelect;
export type NodeResult = typeof nodeResults.$inferSelect;
export type ExecutionLog = typeof executionLogs.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Asset = typeof assets.$inferSelect;
export type DailyUsage = typeof dailyUsage.$inferSelect;
export type WorkflowVersion = typeof workflowVersions.$inferSelect;
export type RateLimitRow = typeof rateLimits.$inferSelect;
