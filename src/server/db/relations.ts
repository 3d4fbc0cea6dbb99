/** Drizzle relations for relational queries (`db.query.workflowRuns.findFirst({ with: … })`). */
import { relations } from "drizzle-orm";
import { apiTokens, assets, executionLogs, nodeResults, sessions, users, workflowRuns, workflows } from "./schema";

export const usersRelations = relations(users, ({ many }) => ({
  workflows: many(workflows),
  runs: many(workflowRuns),
  sessions: many(sessions),
  apiTokens: many(apiTokens),
  assets: many(assets),
}));

export const workflowsRelations = relations(workflows, ({ one, many }) => ({
  user: one(users, { fields: [workflows.userId], references: [users.id] }),
  runs: many(workflowRuns),
}));

export const workflowRunsRelations = relations(workflowRuns, ({ one, many }) => ({
  workflow: one(workflows, { fields: [workflowRuns.workflowId], references: [workflows.id] }),
  user: one(users, { fields: [workflowRuns.userId], references: [users.id] }),
  nodeResults: many(nodeResults),
  executionLogs: many(executionLogs),
}));

export const nodeResultsRelations = relations(nodeResults, ({ one }) => ({
  run: one(workflowRuns, { fields: [nodeResults.runId], references: [workflowRuns.id] }),
}));

export const executionLogsRelations = relations(executionLogs, ({ one }) => ({
  run: one(workflowRuns, { fields: [executionLogs.runId], references: [workflowRuns.id] }),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));

export const assetsRelations = relations(assets, ({ one }) => ({
  user: one(users, { fields: [assets.userId], references: [users.id] }),
}));
