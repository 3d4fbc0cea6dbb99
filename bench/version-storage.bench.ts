/**
 * What keeping every version costs: the "Product Marketing Kit Generator" template saved 1,000
 * times, each save changing one character of one node (the way autosave sees typing), through
 * the real save service and its snapshot trigger. Prints the bytes the version tables hold
 * (`pg_total_relation_size`: rows, TOAST and indexes) against what full copies of every
 * version's graph would take, on the database of the current configuration (PGlite in memory
 * unless DATABASE_URL is set). Asserts nothing.
 *
 *   npx tsx --conditions=react-server bench/version-storage.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx --conditions=react-server bench/version-storage.bench.ts
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDatabase, getDatabase } from "../src/server/db";
import { users } from "../src/server/db/schema";
import { resetEnvCache } from "../src/server/env";
import { createWorkflow } from "../src/server/workflows/create-workflow";
import { patchWorkflow } from "../src/server/workflows/update-workflow";
import { graphFixture } from "../tests/fixtures";

const SAVES = 1_000;

type Node = { id: string; data: Record<string, unknown> };

/** The template with character `i` of one of its texts changed (its nodes' text fields in turn). */
function withOneCharacterChanged(nodes: Node[], i: number): Node[] {
  const texts = nodes.flatMap((node) =>
    Object.entries(node.data)
      .filter(([, value]) => typeof value === "string" && value.length > 20)
      .map(([key]) => ({ id: node.id, key })),
  );
  const target = texts[i % texts.length];
  return nodes.map((node) => {
    if (node.id !== target.id) return node;
    const text = node.data[target.key] as string;
    const at = i % text.length;
    // Never the character already there: every save is a real change.
    const replacement = text[at] === "x" ? "y" : "x";
    const changed = text.slice(0, at) + replacement + text.slice(at + 1);
    return { ...node, data: { ...node.data, [target.key]: changed } };
  });
}

async function tableBytes(): Promise<Record<string, number>> {
  const { db } = await getDatabase();
  const result = await db.execute(sql`
    SELECT pg_total_relation_size('workflow_versions')::bigint AS versions,
           pg_total_relation_size('workflow_graph_parts')::bigint AS parts`);
  const row = result.rows[0] as Record<string, string | number>;
  return { versions: Number(row.versions), parts: Number(row.parts) };
}

async function main() {
  resetEnvCache({ GALAXY_WORKER: "off" });
  const handle = await getDatabase();
  const fixture = graphFixture("product-marketing-kit");
  const [user] = await handle.db.insert(users).values({ email: `bench-${Date.now()}@example.com` }).returning();
  const before = await tableBytes();
  const workflow = await createWorkflow(user.id, { name: "storage bench", nodes: fixture.nodes, edges: fixture.edges });

  let nodes = fixture.nodes as Node[];
  let fullCopies = 0;
  const started = performance.now();
  for (let i = 0; i < SAVES; i++) {
    nodes = withOneCharacterChanged(nodes, i);
    const saved = await patchWorkflow(user.id, workflow.id, { nodes: nodes as never[] });
    fullCopies += Buffer.byteLength(JSON.stringify({ nodes: saved.nodes, edges: saved.edges }));
  }
  const ms = performance.now() - started;
  const after = await tableBytes();
  const { rows } = await handle.db.execute(
    sql`SELECT (SELECT count(*) FROM workflow_versions WHERE workflow_id = ${workflow.id})::int AS versions,
               (SELECT count(*) FROM workflow_graph_parts WHERE workflow_id = ${workflow.id})::int AS parts`,
  );
  const counts = rows[0] as { versions: number; parts: number };
  const stored = after.versions - before.versions + (after.parts - before.parts);
  const graphBytes = Buffer.byteLength(JSON.stringify({ nodes: fixture.nodes, edges: fixture.edges }));

  console.log(`database: ${handle.kind}; template: ${fixture.nodes.length} nodes, ${fixture.edges.length} edges, ${graphBytes} bytes of JSON`);
  console.log(`${SAVES} saves (one character each): ${counts.versions} versions, ${counts.parts} stored parts, ${(ms / SAVES).toFixed(2)} ms per save`);
  console.log(`version tables grew by ${stored.toLocaleString("en-US")} bytes (${Math.round(stored / SAVES)} per save; versions ${after.versions - before.versions}, parts ${after.parts - before.parts})`);
  console.log(`full copies of each version's graph would be ${fullCopies.toLocaleString("en-US")} bytes of JSON: ratio ${(stored / fullCopies).toFixed(3)}`);

  // What the snapshot costs a save: rounds of 50 saves with the trigger on and off, alternating.
  const timed: Record<"on" | "off", number[]> = { on: [], off: [] };
  for (let round = 0; round < 6; round++) {
    for (const mode of round % 2 === 0 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      await handle.db.execute(sql.raw(`ALTER TABLE workflows ${mode === "on" ? "ENABLE" : "DISABLE"} TRIGGER workflows_snapshot`));
      const t0 = performance.now();
      for (let k = 0; k < 50; k++) {
        nodes = withOneCharacterChanged(nodes, SAVES + round * 100 + k);
        await patchWorkflow(user.id, workflow.id, { nodes: nodes as never[] });
      }
      timed[mode].push((performance.now() - t0) / 50);
    }
  }
  await handle.db.execute(sql`ALTER TABLE workflows ENABLE TRIGGER workflows_snapshot`);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`save with snapshot ${med(timed.on).toFixed(2)} ms, without ${med(timed.off).toFixed(2)} ms (medians of 3 × 50 saves): ratio ${(med(timed.on) / med(timed.off)).toFixed(2)}`);
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
