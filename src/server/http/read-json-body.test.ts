import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertJsonTextWithinLimits, MAX_JSON_DEPTH, readJsonBody } from "./read-json-body";

const MiB = 1_048_576;

function jsonRequest(body: BodyInit): Request {
  return new Request("http://127.0.0.1/api/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
}

const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJsonBody: nesting", () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1} with a 400 naming the limit`, async () => {
    expect(await readJsonBody(jsonRequest(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`), { maxBytes: MiB })).toBeTruthy();
    const error = await errorOf(readJsonBody(jsonRequest(`{"a":${nested(MAX_JSON_DEPTH)}}`), { maxBytes: MiB }));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it("refuses 10,000 and 500,000 levels, and a 1,000,000-bracket body, without overflowing the stack", async () => {
    for (const text of [nested(10_000), nested(500_000), "[".repeat(1_000_000), `{"a":`.repeat(200_000)]) {
      const error = await errorOf(readJsonBody(jsonRequest(text), { maxBytes: MiB }));
      expect(error.code, text.slice(0, 10)).toBe("BAD_REQUEST");
      expect(error.message).toContain("deeper than 64 levels");
    }
  });

  it("counts no bracket inside a string, even after an escaped quote", () => {
    const inString = JSON.stringify({ text: `he said \\"${"[{".repeat(5_000)}` });
    expect(() => assertJsonTextWithinLimits(inString)).not.toThrow();
    expect(() => assertJsonTextWithinLimits(`{"a":"\\\\",${"[".repeat(65)}`)).toThrow(/deeper than 64/);
  });
});

describe("readJsonBody: NUL", () => {
  it("refuses a \\u0000 in a value or a key with a 400; an escaped backslash before u0000 is text", async () => {
    for (const value of [{ name: "a\u0000b" }, { ["k\u0000"]: 1 }, { deep: [{ x: "\u0000" }] }]) {
      const error = await errorOf(readJsonBody(jsonRequest(JSON.stringify(value)), { maxBytes: MiB }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("NUL");
    }
    expect(await readJsonBody(jsonRequest(JSON.stringify({ path: "C:\\u0000" })), { maxBytes: MiB })).toEqual({
      path: "C:\\u0000",
    });
  });
});

describe("readJsonBody: a body that does not arrive", () => {
  it("is a 408 with Connection: close once the time is up, and the stream is canceled", async () => {
    let canceled = false;
    const neverEnds = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
      cancel() {
        canceled = true;
      },
    });
    const started = Date.now();
    const error = await errorOf(readJsonBody(jsonRequest(neverEnds), { maxBytes: MiB, timeoutMs: 100 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(error.status).toBe(408);
    expect(error.code).toBe("REQUEST_TIMEOUT");
    expect(error.options.headers).toEqual({ connection: "close" });
    expect(canceled).toBe(true);
  });

  it("counts the whole body, so a trickle of bytes does not keep it alive", async () => {
    let timer: NodeJS.Timeout | undefined;
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("["));
        timer = setInterval(() => controller.enqueue(new TextEncoder().encode(" ")), 20);
      },
      cancel: () => clearInterval(timer),
    });
    try {
      const error = await errorOf(readJsonBody(jsonRequest(trickle), { maxBytes: MiB, timeoutMs: 150 }));
      expect(error.code).toBe("REQUEST_TIMEOUT");
    } finally {
      clearInterval(timer);
    }
  });

  it("reads a body that arrives in pieces within the time", async () => {
    const parts = ['{"a"', ":[1,", "2]}"];
    const pieces = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const part = parts.shift();
        if (part === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(part));
      },
    });
    expect(await readJsonBody(jsonRequest(pieces), { maxBytes: MiB, timeoutMs: 1_000 })).toEqual({ a: [1, 2] });
  });
});
