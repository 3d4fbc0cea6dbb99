/** Versions as the API answers them (`src/contracts/version.ts`). */
import type { z } from "zod";
import { pickWire } from "@/contracts/wire";
import { ZVersionSummary, type ZVersionDetail } from "@/contracts/version";
import type { TGraph } from "@/engine/graph-schema";
import type { VersionSummaryRow } from "./version-columns";

export function toPublicVersionSummary({ row, author, runCount }: VersionSummaryRow, currentVersion: number): z.input<typeof ZVersionSummary> {
  return {
    ...pickWire(ZVersionSummary, row),
    author,
    runCount,
    current: row.version <= currentVersion && currentVersion <= row.lastVersion,
  };
}

export function toPublicVersion(summary: VersionSummaryRow, currentVersion: number, graph: TGraph): z.input<typeof ZVersionDetail> {
  return { ...toPublicVersionSummary(summary, currentVersion), nodes: graph.nodes, edges: graph.edges };
}
