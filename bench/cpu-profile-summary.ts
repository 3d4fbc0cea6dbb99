/**
 * Where a V8 CPU profile (`node --cpu-prof`) spent its time, by self time: grouped by package
 * (node_modules), source file, Node internal module or V8 category, then the top functions.
 *
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [top]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a frame's URL is part of: a package under node_modules, a source file, or a V8/Node category. */
function groupOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || "anonymous"})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return url;
  const src = /\/(src\/.*|bench\/.*)$/.exec(url);
  if (src) return src[1];
  const chunk = /\.next\/server\/(.*)$/.exec(url);
  return chunk ? `.next/${chunk[1].replace(/\[[^\]]*\]/g, "").slice(0, 60)}` : url.slice(-60);
}

/** Prints a `.cpuprofile`'s self time by group (package or source file), then its top functions. */
export function summarizeCpuProfile(file: string, top = 40): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id)!;
    total += us;
    const group = groupOf(callFrame.url, callFrame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${callFrame.functionName || "(anonymous)"} ${group}:${callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s of samples`);
  for (const [name, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${name}`);
  console.log("  top functions:");
  for (const [name, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${name}`);
}


if (process.argv[1]?.endsWith("cpu-profile-summary.ts") && process.argv[2]) {
  summarizeCpuProfile(process.argv[2], Number(process.argv[3]) || 40);
}
