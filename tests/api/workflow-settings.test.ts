/**
 * A workflow's `settings` (its run defaults: `{budget}`) through the workflow API: create, PUT,
 * PATCH, list, export/import and duplicate carry it; a wrong value is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as duplicate } from "@/app/api/workflows/[id]/duplicate/route";
import { GET as exportRoute } from "@/app/api/workflows/[id]/export/route";
import { GET as getOne, PATCH as patch, PUT as put } from "@/app/api/workflows/[id]/route";
import { POST as importRoute } from "@/app/api/workflows/import/route";
import { GET as list, POST as create } from "@/app/api/workflows/route";
import { API_ROUTES as R } from "@/contracts/api-routes";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { expectAnswer } from "../helpers/expect-answer";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

let t: TestDatabase;
let alice: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  alice = await createTestUser();
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

const budget = { maxTokens: 5_000, maxCostUsd: 0.5 };
const at = (id: string) => ({ headers: alice.headers, params: { id } });

describe("workflow settings", () => {
  it("are stored on create ({} when left out), changed by PATCH, reset by a PUT that leaves them out", async () => {
    const plain = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "plain" } });
    expectAnswer(R.createWorkflow, plain);
    expect(plain.json!.workflow.settings).toEqual({});

    const created = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "capped", settings: { budget } } });
    expect(created.json!.workflow.settings).toEqual({ budget });
    const id = created.json!.workflow.id as string;

    const patched = await callRoute(patch, `/api/workflows/${id}`, { ...at(id), method: "PATCH", body: { settings: { budget: { maxTokens: 10 } } } });
    expectAnswer(R.patchWorkflow, patched);
    expect(patched.json!.workflow.settings).toEqual({ budget: { maxTokens: 10 } });
    const read = await callRoute(getOne, `/api/workflows/${id}`, at(id));
    expectAnswer(R.getWorkflow, read);
    expect(read.json!.workflow).toMatchObject({ settings: { budget: { maxTokens: 10 } }, usage30d: null });

    const listed = await callRoute(list, "/api/workflows?q=capped", { headers: alice.headers });
    expect((listed.json!.workflows as { id: string; settings: unknown }[]).find((w) => w.id === id)!.settings).toEqual({ budget: { maxTokens: 10 } });

    const replaced = await callRoute(put, `/api/workflows/${id}`, { ...at(id), method: "PUT", body: { name: "capped", nodes: [], edges: [] } });
    expect(replaced.json!.workflow.settings).toEqual({});
  });

  it("travel through export and import, and are copied by duplicate", async () => {
    const created = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "to export", settings: { budget } } });
    const id = created.json!.workflow.id as string;
    const exported = await callRoute(exportRoute, `/api/workflows/${id}/export`, at(id));
    expectAnswer(R.exportWorkflow, exported);
    expect(exported.json!.workflow.settings).toEqual({ budget });
    const { success: _success, ...document } = exported.json!;
    const imported = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: document });
    expect(imported.status).toBe(201);
    expect(imported.json!.workflow.settings).toEqual({ budget });
    const copy = await callRoute(duplicate, `/api/workflows/${id}/duplicate`, { ...at(id), method: "POST" });
    expect(copy.json!.workflow.settings).toEqual({ budget });
  });

  it("answer 400 naming the field that is wrong", async () => {
    const created = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "strict" } });
    const id = created.json!.workflow.id as string;
    const cases: [unknown, string][] = [
      [{ budget: { maxTokens: -3 } }, "settings.budget.maxTokens"],
      [{ budget: { maxCostUsd: 0 } }, "settings.budget.maxCostUsd"],
      [{ budget: { tokens: 5 } }, "settings.budget"],
      [{ budjet: {} }, "settings"],
      ["cheap", "settings"],
    ];
    for (const [settings, path] of cases) {
      const res = await callRoute(patch, `/api/workflows/${id}`, { ...at(id), method: "PATCH", body: { settings } });
      expect(res.status, JSON.stringify(settings)).toBe(400);
      expect(res.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path })] });
    }
    const onCreate = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "x", settings: { budget: { maxTokens: 0 } } } });
    expect(onCreate.status).toBe(400);
    expect(onCreate.json!.issues).toEqual([expect.objectContaining({ path: "settings.budget.maxTokens", message: "maxTokens must be at least 1" })]);
  });
});
