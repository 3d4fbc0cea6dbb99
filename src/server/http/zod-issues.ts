import type { z } from "zod";
import type { ErrorIssue } from "./errors";

/** zod issues as `{path: "nodes[3].data.x_percent", message}` for API answers. */
export function zodIssues(error: z.ZodError, prefix = ""): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(prefix, issue.path),
    message: issue.message,
    code: issue.code,
  }));
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}
