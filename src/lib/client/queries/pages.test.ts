import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextCursor, nextSkip, uniqueRows } from "./pages";
import { runListQuery } from "./runs";

describe("uniqueRows", () => {
  it("keeps page order and shows a row that slid onto the next page once", () => {
    const rows = uniqueRows([[{ id: "c" }, { id: "b" }], [{ id: "b" }, { id: "a" }], []]);
    expect(rows.map((r) => r.id)).toEqual(["c", "b", "a"]);
  });
});

describe("next page params", () => {
  it("follows the server's cursor only while it says there is more", () => {
    expect(nextCursor({ hasMore: true, nextCursor: "k1" })).toBe("k1");
    expect(nextCursor({ hasMore: false, nextCursor: "k1" })).toBeUndefined();
    expect(nextCursor({ hasMore: true })).toBeUndefined();
  });

  it("skips past the rows of this page, and stops on the last or an empty one", () => {
    expect(nextSkip({ hasMore: true, runs: [1, 2, 3] }, 20)).toBe(23);
    expect(nextSkip({ hasMore: false, runs: [1] }, 0)).toBeUndefined();
    expect(nextSkip({ hasMore: true, runs: [] }, 40)).toBeUndefined();
  });
});

describe("the run history as an infinite query", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A server of these runs, newest first, answering `GET /api/runs?skip&limit` as the real one does. */
  function serveRuns(runs: { current: FakeRun[] }) {
    const skips: number[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      const params = new URL(url, "http://x").searchParams;
      const skip = Number(params.get("skip"));
      const limit = Number(params.get("limit"));
      skips.push(skip);
      const page = runs.current.slice(skip, skip + limit);
      return Response.json({ success: true, runs: page, total: runs.current.length, hasMore: skip + page.length < runs.current.length });
    });
    return skips;
  }
  // Only what paging reads: the answer goes through JSON, as a real one would.
  type FakeRun = { id: string; status: string };
  const run = (n: number): FakeRun => ({ id: `r${n}`, status: "COMPLETED" });

  it("loads more by skip, and a refetch after a new run re-walks the pages without repeating a row", async () => {
    const runs = { current: Array.from({ length: 25 }, (_, i) => run(25 - i)) };
    const skips = serveRuns(runs);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = runListQuery("w1");

    const history = new InfiniteQueryObserver(client, options);
    await history.refetch();
    await history.fetchNextPage(); // "Load more"
    expect(skips).toEqual([0, 20]);
    expect(client.getQueryData(options.queryKey)?.pages.map((p) => p.runs.length)).toEqual([20, 5]);

    runs.current = [run(26), ...runs.current];
    await client.refetchQueries({ queryKey: options.queryKey });
    const data = client.getQueryData(options.queryKey)!;
    expect(skips.slice(2)).toEqual([0, 20]);
    expect(data.pages.at(-1)?.hasMore).toBe(false);
    const ids = uniqueRows(data.pages.map((p) => p.runs)).map((r) => r.id);
    expect(ids).toHaveLength(26);
    expect(ids[0]).toBe("r26");
  });
});
