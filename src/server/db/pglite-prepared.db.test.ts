/**
 * Named prepared statements on a real PGlite: the same rows and types as its own `query`, values
 * serialized as `query` serializes them, errors thrown as PostgreSQL's and the statement usable
 * afterwards, a new text under a name replacing the old one, and a closed instance said as such.
 */
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryPglitePrepared } from "./pglite-prepared";

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`CREATE TABLE t (id text PRIMARY KEY, n int, doc jsonb, tags text[], at timestamptz)`);
});
afterAll(async () => {
  if (!pg.closed) await pg.close();
});

const INSERT = `INSERT INTO t (id, n, doc, tags, at) VALUES ($1, $2, $3::jsonb, ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), $5) RETURNING *`;

describe("queryPglitePrepared", () => {
  it("returns what query returns, run after run, with values serialized as query serializes them", async () => {
    const at = new Date("2026-12-03T15:00:00.000Z");
    const first = await queryPglitePrepared(pg, "t_insert", INSERT, ["a", 1, JSON.stringify({ x: [1, "é"] }), JSON.stringify(["p", "q"]), at]);
    expect(first).toEqual([{ id: "a", n: 1, doc: { x: [1, "é"] }, tags: ["p", "q"], at }]);
    const second = await queryPglitePrepared(pg, "t_insert", INSERT, ["b", null, null, "[]", null]);
    expect(second).toEqual([{ id: "b", n: null, doc: null, tags: [], at: null }]);
    const viaQuery = await pg.query(`SELECT * FROM t ORDER BY id`);
    expect(await queryPglitePrepared(pg, "t_all", `SELECT * FROM t ORDER BY id`, [])).toEqual(viaQuery.rows);
    // A statement with no rows to return.
    expect(await queryPglitePrepared(pg, "t_touch", `UPDATE t SET n = $2 WHERE id = $1`, ["a", 5])).toEqual([]);
    expect((await pg.query<{ n: number }>(`SELECT n FROM t WHERE id = 'a'`)).rows[0].n).toBe(5);
  });

  it("throws PostgreSQL's error and stays usable afterwards", async () => {
    await expect(queryPglitePrepared(pg, "t_insert", INSERT, ["a", 2, null, "[]", null])).rejects.toThrow(/duplicate key value/);
    expect(await queryPglitePrepared(pg, "t_count", `SELECT count(*)::int AS c FROM t WHERE n >= $1`, [0])).toEqual([{ c: 1 }]);
    expect((await pg.query<{ c: number }>(`SELECT count(*)::int AS c FROM t`)).rows[0].c).toBe(2);
  });

  it("a new text under a name replaces the old statement", async () => {
    expect(await queryPglitePrepared(pg, "t_one", `SELECT $1::int + 1 AS v`, [1])).toEqual([{ v: 2 }]);
    expect(await queryPglitePrepared(pg, "t_one", `SELECT $1::text || '!' AS v`, ["hi"])).toEqual([{ v: "hi!" }]);
  });

  it("waits for an open transaction instead of running inside it", async () => {
    let release!: () => void;
    let inserted!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const insertedInTx = new Promise<void>((resolve) => (inserted = resolve));
    const tx = pg.transaction(async (t) => {
      await t.query(`INSERT INTO t (id) VALUES ('in-tx')`);
      inserted();
      await held;
      throw new Error("roll back");
    });
    await insertedInTx; // the transaction is open, its row written but not committed
    const outside = queryPglitePrepared(pg, "t_ids", `SELECT id FROM t ORDER BY id`, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(tx).rejects.toThrow("roll back");
    expect((await outside).map((r) => (r as { id: string }).id)).toEqual(["a", "b"]);
  });

  it("says a closed instance is closed", async () => {
    await pg.close();
    await expect(queryPglitePrepared(pg, "t_all", `SELECT * FROM t`, [])).rejects.toThrow("PGlite is closed");
  });
});
