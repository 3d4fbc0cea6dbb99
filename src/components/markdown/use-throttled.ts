/**
 * A value that follows `value` at most once per `intervalMs` (the latest one wins): a growing
 * answer is re-parsed and redrawn at most ~20 times a second however fast its deltas come.
 */
import { useEffect, useRef, useState } from "react";

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    const timer = setTimeout(
      () => {
        lastAt.current = Date.now();
        setShown(value);
      },
      Math.max(0, lastAt.current + intervalMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
