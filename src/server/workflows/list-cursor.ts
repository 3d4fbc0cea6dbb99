/**
 * Keyset cursor of the workflow list: `(updated_at, id)` of the last row, opaque to
 * clients (base64url JSON). The timestamp travels as Postgres text with microseconds,
 * since a JS Date (milliseconds) would skip or repeat rows that share a millisecond.
 */
import { z } from "zod";
import { AppError } from "@/server/http/errors";

const ZCursor = z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), z.string().min(1).max(100)]);

export interface ListCursor {
  updatedAt: string;
  id: string;
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): ListCursor {
  try {
    const [updatedAt, id] = ZCursor.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { updatedAt, id };
  } catch {
    throw new AppError("VALIDATION_FAILED", "cursor is not valid: pass the nextCursor of a previous answer", {
      issues: [{ path: "cursor", message: "not a cursor of this list", code: "invalid_cursor" }],
    });
  }
}
