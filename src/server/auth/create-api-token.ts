/** Creates a personal API token. The secret is returned once; only its sha256 is stored. */
import "server-only";
import { getDb } from "@/server/db";
import { apiTokens } from "@/server/db/schema";
import { API_TOKEN_DISPLAY_LENGTH, API_TOKEN_PREFIX } from "./api-token-format";
import { generateSecret, sha256Hex } from "./secrets";

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The secret: shown to the user once, never stored. */
  token: string;
}

export async function createApiToken(userId: string, name: string): Promise<CreatedApiToken> {
  const token = `${API_TOKEN_PREFIX}${generateSecret()}`;
  const db = await getDb();
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, prefix: token.slice(0, API_TOKEN_DISPLAY_LENGTH), tokenHash: sha256Hex(token) })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
  return { ...row, token };
}
