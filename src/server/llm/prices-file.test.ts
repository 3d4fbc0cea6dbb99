import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPricesFile } from "./prices-file";

const dir = mkdtempSync(join(tmpdir(), "galaxy-prices-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("readPricesFile", () => {
  it("reads DESIGN §9's form: provider/model → USD per million input and output tokens", () => {
    const path = file("ok.json", JSON.stringify({ "openai-compatible/llama3.2": { inputPerMillion: 0, outputPerMillion: 0 }, "google/gemini-2.5-flash": { inputPerMillion: 0.1, outputPerMillion: 0.4 } }));
    expect(readPricesFile(path)).toEqual({
      ok: true,
      prices: { "openai-compatible/llama3.2": { inputPerMillion: 0, outputPerMillion: 0 }, "google/gemini-2.5-flash": { inputPerMillion: 0.1, outputPerMillion: 0.4 } },
    });
  });

  it.each([
    ["missing.json", undefined, /cannot read .*missing\.json \(ENOENT\)$/],
    ["broken.json", "{", /broken\.json is not valid JSON: /],
    ["array.json", "[]", /array\.json: expected a JSON object of prices$/],
    ["provider.json", JSON.stringify({ "openai/gpt-4o": { inputPerMillion: 1, outputPerMillion: 2 } }), /provider\.json: "openai\/gpt-4o": keys are "<provider>\/<model>" with provider one of google, groq, openai-compatible$/],
    ["text.json", JSON.stringify({ "groq/x": { inputPerMillion: "1", outputPerMillion: 2 } }), /"groq\/x"\."inputPerMillion": inputPerMillion must be a number of US dollars per million tokens$/],
    ["negative.json", JSON.stringify({ "groq/x": { inputPerMillion: 1, outputPerMillion: -2 } }), /outputPerMillion must not be negative$/],
    ["extra.json", JSON.stringify({ "groq/x": { inputPerMillion: 1, outputPerMillion: 2, perImage: 3 } }), /"groq\/x": Unrecognized key: "perImage"$/],
  ])("refuses %s with one line naming the file and the problem", (name, text, message) => {
    const path = text === undefined ? join(dir, name) : file(name, text);
    const read = readPricesFile(path);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toMatch(message);
    expect(read.message).toContain(path);
    expect(read.message).not.toContain("\n");
  });
});
