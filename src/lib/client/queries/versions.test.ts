/** The versions list's paging and what its invalidation reaches. */
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { VersionSummary } from "../versions-api";
import { runKeys } from "./runs";
import { invalidateVersionLists, nextVersionSkip, uniqueVersions, versionKeys } from "./versions";
import { workflowKeys } from "./workflows";

const row = (version: number): VersionSummary => ({
  version,
  lastVersion: version,
  createdAt: "2025-01-01T00:00:00.000Z",
  message: null,
  nodeCount: 1,
  edgeCount: 0,
  author: null,
  restoredFrom: null,
  current: false,
  runCount: 0,
});

describe("versions list", () => {
  it("pages by skip until the server says there is no more", () => {
    expect(nextVersionSkip({ hasMore: true, versions: [row(9), row(8)] }, 0)).toBe(2);
    expect(nextVersionSkip({ hasMore: true, versions: [row(7)] }, 2)).toBe(3);
    expect(nextVersionSkip({ hasMore: false, versions: [row(1)] }, 3)).toBeUndefined();
    expect(nextVersionSkip({ hasMore: true, versions: [] }, 3)).toBeUndefined();
  });

  it("shows a version that slid onto the next page (a save came first) once", () => {
    expect(uniqueVersions([{ versions: [row(5), row(4)] }, { versions: [row(4), row(3)] }]).map((v) => v.version)).toEqual([5, 4, 3]);
  });

  it("invalidating the lists reaches every workflow's list, and not versions' graphs, runs or workflows", async () => {
    const keys: QueryKey[] = [versionKeys.list("w1"), versionKeys.list("w2"), versionKeys.detail("w1", 3), runKeys.list("w1"), workflowKeys.list({ q: "", tag: null })];
    const client = new QueryClient();
    for (const key of keys) client.setQueryData(key, { cached: true });
    await invalidateVersionLists(client);
    expect(keys.filter((k) => client.getQueryState(k)?.isInvalidated)).toEqual(keys.slice(0, 2));
  });
});
