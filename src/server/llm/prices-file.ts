/**
 * The price override file named by `GALAXY_PRICES_FILE` (DESIGN §9): a JSON object
 * `{"<provider>/<model>": {"inputPerMillion": 0.10, "outputPerMillion": 0.40}}` in US dollars
 * per million tokens, `provider` as in the LLM node. Read once, when the configuration is
 * validated: a file that cannot be read or does not have this form stops start-up.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LLM_PROVIDERS } from "@/nodes/llm/definition";

const ZPerMillion = (name: string) =>
  z
    .number({ error: `${name} must be a number of US dollars per million tokens` })
    .nonnegative(`${name} must not be negative`)
    .finite(`${name} must be a finite number`);

const PRICE_KEY = new RegExp(`^(${LLM_PROVIDERS.join("|")})/\\S.*$`);

export const ZPriceOverrides = z.record(
  z.string().regex(PRICE_KEY, `keys are "<provider>/<model>" with provider one of ${LLM_PROVIDERS.join(", ")}`),
  z.strictObject({ inputPerMillion: ZPerMillion("inputPerMillion"), outputPerMillion: ZPerMillion("outputPerMillion") }),
  { error: (issue) => (issue.code === "invalid_type" ? "expected a JSON object of prices" : undefined) },
);
export type TPriceOverrides = z.output<typeof ZPriceOverrides>;

export type PricesFileResult = { ok: true; prices: TPriceOverrides } | { ok: false; message: string };

/** Reads and checks the file; the failure message names the file and the first problem. */
export function readPricesFile(path: string): PricesFileResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${path}${code ? ` (${code})` : ""}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = ZPriceOverrides.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map((part) => JSON.stringify(String(part))).join(".");
    // A bad key's own message is one level down.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return { ok: false, message: `${path}: ${where ? `${where}: ` : ""}${message}` };
  }
  return { ok: true, prices: parsed.data };
}
