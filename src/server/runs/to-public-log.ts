/** Execution log lines as the API answers them. */
import type { z } from "zod";
import { ZPublicLog } from "@/contracts/run";
import { jsonObject, pickWire } from "@/contracts/wire";
import type { ExecutionLog } from "../db/schema";

export function toPublicLog(row: ExecutionLog): z.input<typeof ZPublicLog> {
  return { ...pickWire(ZPublicLog, row), metadata: jsonObject(row.metadata) };
}
