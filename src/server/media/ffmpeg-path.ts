import "server-only";
import { createRequire } from "node:module";
import { env } from "../env";

/** The ffmpeg binary: `FFMPEG_PATH` when set, else the static build shipped by `@ffmpeg-installer/ffmpeg`. */
export function ffmpegPath(): string {
  const configured = env().FFMPEG_PATH;
  if (configured) return configured;
  // Resolved at run time (not bundled): the package locates its platform binary on disk.
  const require = createRequire(import.meta.url);
  return (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}
