/** API tokens as the API shows them: the secret only in the answer that created it, never its hash. */
import type { z } from "zod";
import { ZCreatedApiToken, ZPublicApiToken } from "@/contracts/auth";
import { pickWire } from "@/contracts/wire";
import type { ApiToken } from "../db/schema";
import type { CreatedApiToken } from "./create-api-token";

export function toPublicApiToken(
  token: Pick<ApiToken, "id" | "name" | "prefix" | "createdAt" | "lastUsedAt">,
): z.input<typeof ZPublicApiToken> {
  return pickWire(ZPublicApiToken, token);
}

export function toCreatedApiToken(token: CreatedApiToken): z.input<typeof ZCreatedApiToken> {
  return pickWire(ZCreatedApiToken, token);
}
