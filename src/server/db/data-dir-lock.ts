/**
 * An exclusive lock on the embedded database's directory. PGlite itself does not
 * lock: a second process can open a directory in use and silently lose the first
 * one's confirmed writes (measured on this machine). The lock file records the
 * owner's pid; a lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Galaxy data directory ${dir} is in use by process ${ownerPid}; stop that process or set GALAXY_DATA_DIR to another directory`,
    );
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws `DataDirLockedError`. */
export function lockDataDir(dir: string): DataDirLock {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  const lockPath = join(absolute, "galaxy.lock");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        path: lockPath,
        release: () => {
          if (readOwner(lockPath) === process.pid) unlinkSync(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dir, owner);
      }
      if (owner === process.pid) throw new DataDirLockedError(dir, owner);
      // Stale (dead owner, or a half-written file): take it over.
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process removed it first; try again.
      }
    }
  }
  throw new Error(`could not lock Galaxy data directory ${dir}`);
}
