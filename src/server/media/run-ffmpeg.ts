/**
 * Runs ffmpeg with an argument array (never a shell), bounded by a timeout and an
 * AbortSignal: either kills the process with SIGKILL at once. Collects stdout as
 * bytes (a frame piped out) and the tail of stderr (for errors and `-i` probing).
 */
import "server-only";
import { spawn } from "node:child_process";
import { env } from "../env";
import { ffmpegPath } from "./ffmpeg-path";

export interface RunFfmpegOptions {
  signal?: AbortSignal;
  /** Defaults to GALAXY_NODE_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Refuse more stdout than this (a frame is a few MB; protects memory). */
  maxStdoutBytes?: number;
}

export interface FfmpegResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

const STDERR_KEEP = 64 * 1024;

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderr = "",
  ) {
    super(message);
    this.name = "FfmpegError";
  }
}

/** Resolves with the exit code whatever it is (`ffmpeg -i` alone exits 1); rejects on abort, timeout or spawn failure. */
export function runFfmpeg(args: string[], options: RunFfmpegOptions = {}): Promise<FfmpegResult> {
  const { signal, timeoutMs = env().GALAXY_NODE_TIMEOUT_MS, maxStdoutBytes = 256 * 1024 * 1024 } = options;
  return new Promise<FfmpegResult>((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const child = spawn(ffmpegPath(), ["-hide_banner", "-nostdin", "-loglevel", "info", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      shell: false,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let failure: Error | undefined;
    const kill = (error: Error) => {
      failure ??= error;
      child.kill("SIGKILL");
    };
    const onAbort = () => kill(abortReason(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => kill(new FfmpegError(`ffmpeg took longer than ${timeoutMs} ms and was stopped`)), timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) return kill(new FfmpegError(`ffmpeg output exceeded ${maxStdoutBytes} bytes`));
      chunks.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      stderr = (stderr + text).slice(-STDERR_KEEP);
    });
    child.on("error", (error) => {
      failure ??= new FfmpegError(`could not start ffmpeg (${ffmpegPath()}): ${error.message}`);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (failure) return reject(failure);
      resolve({ code, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error("canceled");
}

/** The last meaningful stderr line, for an error message a user can act on. */
export function lastFfmpegLine(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? "no output";
}
