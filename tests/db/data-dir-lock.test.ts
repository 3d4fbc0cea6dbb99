import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { DataDirLockedError, lockDataDir } from "@/server/db/data-dir-lock";
import { users } from "@/server/db/schema";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "galaxy-lock-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// node itself, not the tsx CLI: the CLI runs the script in a grandchild that a kill would orphan.
const START_ARGS = ["--import", "tsx", "--conditions=react-server", "tests/helpers/start-process-main.ts"];

/** Runs the real start-up path in a child process; resolves with its exit code and output. */
function startChild(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, START_ARGS, {
      env: { ...process.env, GALAXY_DATA_DIR: dataDir, GALAXY_WORKER: "off", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child did not exit within 60 s; output: ${output}`));
    }, 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("embedded database directory lock", () => {
  it("refuses a second lock in the same directory while the owner lives", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "galaxy.lock"), `${process.ppid}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.ppid}`);
  });

  it("takes over a lock left by a dead process", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "galaxy.lock"), "999999999\n");
    const lock = lockDataDir(dir);
    lock.release();
  });

  it("a second process on a directory in use exits non-zero naming it, and the first keeps its data", async () => {
    const dir = tempDir();
    let first: DatabaseHandle | undefined = await openDatabase({ dataDir: dir });
    try {
      await first.db.insert(users).values({ id: "keep-me", email: "keep@example.com" });
      const second = await startChild(dir);
      expect(second.code).not.toBe(0);
      expect(second.output).toContain(`Galaxy data directory ${dir} is in use by process ${process.pid}`);
      // The first process still serves, with everything it confirmed.
      const rows = await first.db.select().from(users).where(eq(users.id, "keep-me"));
      expect(rows).toHaveLength(1);
      await first.db.insert(users).values({ id: "after", email: "after@example.com" });
      await first.close();
      first = undefined;
      // And after a clean close, a reopen sees both rows.
      const reopened = await openDatabase({ dataDir: dir });
      const all = await reopened.db.select({ id: users.id }).from(users);
      expect(all.map((r) => r.id).sort()).toEqual(["after", "keep-me"]);
      await reopened.close();
    } finally {
      await first?.close();
    }
  });

  it("a process started on a free directory starts (and holds the lock)", async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, START_ARGS, {
      env: { ...process.env, GALAXY_DATA_DIR: dir, GALAXY_WORKER: "off", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const deadline = Date.now() + 60_000;
    while (!output.includes("started") && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      expect(output).toContain("started");
      expect(() => lockDataDir(dir)).toThrow(`in use by process`);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
