import { describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import { nodeResults, workflowRuns } from "../db/schema";
import { RUN_COLUMNS, UNFINISHED_RUN_STATUSES, jsonRows, selectColumns } from "./run-sql";

/** The hand-aliased list these statements used before the columns came from the schema. */
const HAND_WRITTEN_RUN_COLUMNS = `id, workflow_id AS "workflowId", user_id AS "userId", trigger_id AS "triggerId", status, scope, source,
  target_node_ids AS "targetNodeIds", output, error_message AS "errorMessage", error_code AS "errorCode", error_stack AS "errorStack",
  budget, usage, workflow_version AS "workflowVersion", started_at AS "startedAt", completed_at AS "completedAt", duration_ms AS "durationMs", created_at AS "createdAt", updated_at AS "updatedAt"`;
const oneLine = (sql: string) => sql.replace(/\s+/g, " ");

describe("column lists from the Drizzle schema", () => {
  it("name and alias every column as the hand-written list did", () => {
    const { input: _input, ...columns } = getTableColumns(workflowRuns);
    expect(selectColumns(columns)).toBe(oneLine(HAND_WRITTEN_RUN_COLUMNS));
    // What claim-run used to get from a regex over that list.
    expect(selectColumns(columns, "r")).toBe(oneLine(HAND_WRITTEN_RUN_COLUMNS).replace(/(^|,\s*)(\w+)/g, "$1r.$2"));
  });

  it("a published run row has neither the graph snapshot nor the error stack", () => {
    expect(RUN_COLUMNS).toBe(oneLine(HAND_WRITTEN_RUN_COLUMNS).replace(`error_stack AS "errorStack", `, ""));
    expect(RUN_COLUMNS).not.toMatch(/\binput\b|error_stack/);
  });

  it("types a JSON recordset as the columns are typed", () => {
    const { id, nodeId, status, startedAt } = getTableColumns(nodeResults);
    expect(jsonRows("$2", { id, nodeId, status, startedAt }, "o integer")).toEqual({
      from: `jsonb_to_recordset($2::jsonb) AS x("id" text, "nodeId" text, "status" node_status, "startedAt" timestamp with time zone, o integer)`,
      fields: `x."id", x."nodeId", x."status", x."startedAt"`,
    });
  });

  it("lists the unfinished run statuses from the engine's predicate", () => {
    expect(UNFINISHED_RUN_STATUSES).toBe(`'QUEUED', 'RUNNING'`);
  });
});
