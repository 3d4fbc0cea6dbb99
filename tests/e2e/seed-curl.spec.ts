/**
 * The seed's curl examples, run with the real curl against the built server and an
 * API token: create a workflow, list workflows, execute. Only the host and the token
 * differ from the seed's text.
 */
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

function curl(args: string[]): { status: number; body: any } {
  const out = execFileSync("curl", ["-sS", "--max-time", "60", "-w", "\n%{http_code}", ...args], { encoding: "utf8" });
  const cut = out.lastIndexOf("\n");
  return { status: Number(out.slice(cut + 1)), body: JSON.parse(out.slice(0, cut)) };
}

test("the seed's curl examples work with an API token", async ({ request, baseURL }) => {
  const created = await request.post("/api/tokens", { data: { name: "seed curl" }, headers: { origin: baseURL! } });
  expect(created.ok()).toBe(true);
  const { token } = await created.json();
  expect(token).toMatch(/^gxy_/);

  const create = curl([
    "-X", "POST", `${baseURL}/api/workflows`,
    "-H", "Content-Type: application/json",
    "-H", `Authorization: Bearer ${token}`,
    "-d", '{\n    "name": "My First Workflow",\n    "description": "Test workflow",\n    "nodes": [],\n    "edges": []\n  }',
  ]);
  expect(create.status).toBeLessThan(300);
  expect(create.body.success).toBe(true);
  expect(create.body.workflow).toMatchObject({ name: "My First Workflow", description: "Test workflow", nodes: [], edges: [] });

  const list = curl([`${baseURL}/api/workflows`, "-H", `Authorization: Bearer ${token}`]);
  expect(list.status).toBe(200);
  expect(list.body.workflows.map((w: { id: string }) => w.id)).toContain(create.body.workflow.id);

  const nodes = [{ id: "t1", type: "text", position: { x: 0, y: 0 }, data: { text: "hello from curl" } }];
  const execute = curl([
    "-X", "POST", `${baseURL}/api/execute`,
    "-H", "Content-Type: application/json",
    "-H", `Authorization: Bearer ${token}`,
    "-d", JSON.stringify({ nodes, edges: [], workflowId: create.body.workflow.id, wait: true }),
  ]);
  expect(execute.status).toBe(200);
  expect(execute.body.run.status).toBe("COMPLETED");
  expect(execute.body.run.output).toEqual({ t1: { text: "hello from curl" } });

  const unauthenticated = curl([`${baseURL}/api/workflows`]);
  expect(unauthenticated.status).toBe(401);
});
