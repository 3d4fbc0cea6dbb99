/**
 * How the two paginated lists turn pages into rows and find their next page: workflows by
 * the server's cursor, runs by skip. Pure, so an infinite query's refetch (which re-walks the
 * pages from the first) and "Load more" agree.
 */

/** Rows of every page in order; a row that slid onto the next page (a new one came first) shows once. */
export function uniqueRows<Row extends { id: string }>(pages: readonly (readonly Row[])[]): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const page of pages) {
    for (const row of page) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  }
  return rows;
}

/** The cursor the server handed out with this page, or undefined when it was the last. */
export function nextCursor(page: { hasMore: boolean; nextCursor?: string | null }): string | undefined {
  return page.hasMore && page.nextCursor ? page.nextCursor : undefined;
}

/** Where the page after this one starts, or undefined when it was the last. */
export function nextSkip(page: { hasMore: boolean; runs: readonly unknown[] }, skip: number): number | undefined {
  return page.hasMore && page.runs.length > 0 ? skip + page.runs.length : undefined;
}
