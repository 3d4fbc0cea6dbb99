import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { EVENTS_CHANNEL, encodeNotice, notifySql, type RemoteNotice } from "@/server/events/remote-notice";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";

// NOTIFY crosses processes on PostgreSQL only; PGlite serves one process and sends nothing.
describe.skipIf(testEngine !== "postgres")("change notices on postgres", () => {
  let t: TestDatabase;
  let listener: Client;
  const received: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    listener = new Client({ connectionString: t.url });
    await listener.connect();
    listener.on("notification", (message) => message.payload && received.push(message.payload));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
    await t?.drop();
  });

  async function send(notice: Omit<RemoteNotice, "o" | "l">, logRange?: string): Promise<RemoteNotice> {
    received.length = 0;
    await t.handle.executeSql(`SELECT ${notifySql("$1", logRange)}`, [encodeNotice(t.handle, notice)]);
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toHaveLength(1);
    return JSON.parse(received[0]) as RemoteNotice;
  }

  it("a notice just under the budget arrives whole, with the statement's log range spliced in", async () => {
    // ~6,900 bytes of one-letter node ids: re-rendered as jsonb (a space after every `:` and `,`) it would pass 8,000.
    const n = Array.from({ length: 285 }, (_, k) => ({ i: String.fromCharCode(97 + (k % 26)), s: "SUCCESS" as const }));
    const notice = await send({ r: "run1", n }, "(SELECT json_build_array(3, 7)::text)");
    expect(notice.n).toEqual(n);
    expect(notice.l).toEqual([3, 7]);
  });

  it("a statement that wrote no log sends `l: null`; a notice past the budget asks for a re-read", async () => {
    expect((await send({ r: "run1", run: 1 }, "(SELECT NULL::text)")).l).toBeNull();
    const n = Array.from({ length: 2_000 }, (_, k) => ({ i: `node-${k}`, s: "RUNNING" as const }));
    expect(await send({ r: "run1", n })).toMatchObject({ r: "run1", nAll: 1 });
  });
});
