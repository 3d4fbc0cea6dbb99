/**
 * The wired executor (`@/nodes/llm/server`): image bytes come from the user's stored
 * assets through readAssetBytes, on a real database, and reach Gemini as inline data.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "@/nodes/llm/server";
import { createAssetFromBytes } from "@/server/assets";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { insertUser } from "../helpers/fixtures";
import { startLlmStub, type LlmStub } from "../helpers/llm-stub-server";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { makeContext, pointEnvAt } from "./llm-test-kit";

let t: TestDatabase;
let stub: LlmStub;
let userId: string;
let otherUserId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  stub = await startLlmStub();
  pointEnvAt(stub, { GALAXY_DATA_DIR: mkdtempSync(join(tmpdir(), "galaxy-llm-test-")) });
  userId = (await insertUser(t.handle.db)).id;
  otherUserId = (await insertUser(t.handle.db)).id;
});
afterAll(async () => {
  resetEnvCache();
  await stub?.close();
  await t?.drop();
});

describe(`llm executor with stored images on ${testEngine}`, () => {
  it("sends the stored bytes of the user's own image", async () => {
    const png = await sharp({ create: { width: 5, height: 3, channels: 3, background: "#00ff00" } })
      .png()
      .toBuffer();
    const asset = await createAssetFromBytes(userId, png, {
      kind: "image",
      mime: "image/png",
      source: "upload",
    });
    const { ctx } = makeContext();

    const result = await execute(
      {
        provider: "google",
        model: "gemini-2.5-flash",
        user_message: "What colour?",
        images: [`/api/files/${asset.id}`],
      },
      { ...ctx, userId },
    );

    expect(result.outputs.output).toBe("stub: What colour?");
    const sent = stub.requests.at(-1);
    expect(sent?.images).toHaveLength(1);
    expect(sent?.images[0].mime).toBe("image/png");
    expect(sent?.images[0].bytes.equals(png)).toBe(true);
  });

  it("will not send another user's image", async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const theirs = await createAssetFromBytes(otherUserId, png, {
      kind: "image",
      mime: "image/png",
      source: "upload",
    });
    const before = stub.calls();
    const { ctx } = makeContext();

    const run = execute(
      {
        provider: "google",
        model: "gemini-2.5-flash",
        user_message: "peek",
        images: [`/api/files/${theirs.id}`],
      },
      { ...ctx, userId },
    );

    await expect(run).rejects.toThrow(/^could not read the image \(\/api\/files\/\w+\): /);
    expect(stub.calls()).toBe(before);
  });
});
