/** A result's adjustments (`meta.notices`) in plain words: under a node's result and in run details. */
import { readNotices } from "@/contracts/result-notices";

export function ResultNotices({ meta, testId, className = "" }: { meta: Record<string, unknown> | null | undefined; testId?: string; className?: string }) {
  const notices = readNotices(meta);
  if (notices.length === 0) return null;
  return (
    <ul data-testid={testId} className={`space-y-0.5 rounded-md bg-amber-500/10 px-2 py-1.5 text-[11px] text-amber-200 ${className}`}>
      {notices.map((notice) => (
        <li key={notice}>
          <span className="font-semibold">Adjusted:</span> {notice}
        </li>
      ))}
    </ul>
  );
}
