/**
 * The error answer every route shares: `{success:false, error, code, issues?}`, plus the
 * extras a few codes carry. The codes are listed here so the browser can name them; the
 * server's code → status table (`src/server/http/errors.ts`) must cover exactly these.
 */
import { z } from "zod";
import { ZPublicWorkflow } from "./workflow";

export const ERROR_CODES = [
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "NOT_READY",
  "INVALID_JSON",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "REQUEST_TIMEOUT",
  "CONFLICT",
  "VERSION_CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ZErrorIssue = z
  .object({
    path: z.string().meta({ description: 'where the problem is: "nodes[3].data.x_percent", "(root)"' }),
    message: z.string(),
    code: z.string().optional(),
  })
  .meta({ id: "ErrorIssue" });

export const ZApiError = z
  .object({
    success: z.literal(false),
    error: z
      .string()
      .meta({ description: "what went wrong, in words fit for a person (a 500 never shows internals)" }),
    code: z.enum(ERROR_CODES),
    issues: z.array(ZErrorIssue).optional().meta({ description: "every problem found (400)" }),
    currentVersion: z
      .number()
      .int()
      .optional()
      .meta({ description: "VERSION_CONFLICT: the version the workflow is at now" }),
    workflow: ZPublicWorkflow.optional().meta({ description: "VERSION_CONFLICT: the workflow as it is now" }),
    nodes: z
      .array(z.object({ nodeId: z.string(), nodeType: z.string(), field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "NOT_READY: each node in the run's scope and what it lacks" }),
    summary: z
      .string()
      .optional()
      .meta({ description: "NOT_READY: the nodes that are not ready, in one line" }),
  })
  .meta({ id: "ApiError" });

export type TApiError = z.output<typeof ZApiError>;
