/**
 * One local HTTP server that speaks the three LLM protocols Galaxy calls, in their real
 * wire shapes, so tests and benchmarks go through the real AI SDK clients offline:
 *   Gemini             POST /v1beta/models/<model>:generateContent   (and :streamGenerateContent?alt=sse)
 *   Groq               POST /openai/v1/chat/completions
 *   OpenAI-compatible  POST /v1/chat/completions                      (any other …/v<N>/chat/completions too)
 * Point GOOGLE_GENERATIVE_AI_BASE_URL, GROQ_BASE_URL at its origin and
 * OPENAI_COMPATIBLE_BASE_URL at `<origin>/v1`.
 *
 * It records every request (parsed body, headers, the chunks it streamed and when, whether the
 * client hung up) and answers per request from a behaviour function: reply text, delays (before
 * the answer and between streamed chunks), token usage, status, headers, a stream that breaks.
 * Streamed answers stop being written the moment the client hangs up.
 * For other processes (e2e, crash tests): GET /__stub/requests, POST /__stub/reset,
 * PUT /__stub/reply with a StubReply (or null) as JSON.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import {
  CHAT_PATH,
  GEMINI_PATH,
  chatBody,
  defaultErrorMessage,
  errorBody,
  geminiBody,
  readChat,
  readGemini,
  streamEvents,
  wordCount,
  type Answer,
  type Json,
  type StubProtocol,
  type StubUsage,
} from "./llm-stub-protocols";

export type { StubProtocol, StubUsage };

export interface RecordedRequest {
  /** 1-based, over all requests. */
  seq: number;
  protocol: StubProtocol;
  path: string;
  /** 1-based count of calls on this path so far (this one included): "fail the first, then answer". */
  callIndex: number;
  model: string;
  stream: boolean;
  headers: IncomingHttpHeaders;
  body: unknown;
  systemPrompt: string;
  userMessage: string;
  images: { mime: string; bytes: Buffer }[];
  receivedAt: number;
  /** The status the stub answered with, once it has. */
  status?: number;
  /** The client disconnected before the answer was complete (a canceled or timed-out call). */
  aborted: boolean;
  settledAt?: number;
  /** Streamed answers: each text chunk written, with when (epoch ms, sub-millisecond). */
  chunks: { at: number; text: string }[];
  /** How a stream the reply told to break was broken. */
  brokeStream?: "error-event" | "disconnect";
}

export interface StubReply {
  /** Default: "stub: " + the user message. */
  text?: string;
  /** Before the answer (its headers, for a stream). */
  delayMs?: number;
  /** Streams: between one text chunk and the next. */
  chunkDelayMs?: number;
  /** Streams: words of the answer per text chunk (default 1; a text without spaces is one chunk). */
  wordsPerChunk?: number;
  /**
   * Token counts to report instead of the defaults: the words of the system prompt and user
   * message (plus 258 per image) in, the words of the answer out; cached and reasoning tokens
   * only when given here.
   */
  usage?: Partial<StubUsage>;
  /**
   * Streams: after `afterChunks` text chunks (or at the end of a shorter answer), end the stream
   * with an error event in the provider's shape (`status`, `errorMessage`), or by dropping the
   * connection (`disconnect`).
   */
  streamError?: { afterChunks: number; status?: number; disconnect?: boolean };
  /** Non-2xx answers in the provider's own error shape. */
  status?: number;
  headers?: Record<string, string>;
  errorMessage?: string;
  /** Sent as is instead of the protocol's body (for unreadable answers), streamed or not. */
  rawBody?: string;
  /** Streams: these server-sent events' data, as is, instead of the protocol's. */
  rawEvents?: string[];
}

export type StubBehavior = (
  request: RecordedRequest,
) => StubReply | undefined | Promise<StubReply | undefined>;

export interface LlmStubOptions {
  port?: number;
  host?: string;
  /** Delay of every answer unless the behaviour says otherwise. */
  delayMs?: number;
  /** Delay between streamed chunks unless the behaviour says otherwise. */
  chunkDelayMs?: number;
  /** Words per streamed chunk unless the behaviour says otherwise (default 1). */
  wordsPerChunk?: number;
  behavior?: StubBehavior;
  /** When set, a request with another key gets the provider's real "bad key" answer. */
  apiKeys?: Partial<Record<StubProtocol, string>>;
  /** Oldest records are dropped beyond this (benchmarks send many). */
  maxRecorded?: number;
}

export interface LlmStub {
  /** http://127.0.0.1:PORT */
  url: string;
  requests: RecordedRequest[];
  setBehavior(behavior?: StubBehavior): void;
  /** Calls so far, all or of one protocol or path. */
  calls(filter?: StubProtocol | string): number;
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

function sleep(ms: number, cancel: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || cancel.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      cancel.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancel.addEventListener("abort", done, { once: true });
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes of one machine. */
const preciseNow = () => performance.timeOrigin + performance.now();

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export async function startLlmStub(options: LlmStubOptions = {}): Promise<LlmStub> {
  const requests: RecordedRequest[] = [];
  // Counted apart from `requests`, which drops old records past maxRecorded.
  const perPath = new Map<string, number>();
  const perProtocol = new Map<string, number>();
  let behavior = options.behavior;
  let seq = 0;
  const maxRecorded = options.maxRecorded ?? 10_000;

  function apiKeyOf(protocol: StubProtocol, headers: IncomingHttpHeaders): string | undefined {
    if (protocol === "gemini") return String(headers["x-goog-api-key"] ?? "");
    return String(headers.authorization ?? "").replace(/^Bearer\s+/i, "");
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method === "GET" && path === "/__stub/requests") {
      const byPath = Object.fromEntries(perPath);
      const byProtocol = Object.fromEntries(perProtocol);
      const summary = requests.map(({ body: _body, images, headers: _headers, ...rest }) => ({
        ...rest,
        images: images.length,
      }));
      return sendJson(res, 200, { count: seq, byPath, byProtocol, requests: summary });
    }
    if (req.method === "POST" && path === "/__stub/reset") {
      stub.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "PUT" && path === "/__stub/reply") {
      const reply = JSON.parse((await readBody(req)) || "null") as StubReply | null;
      behavior = reply ? () => reply : options.behavior;
      return sendJson(res, 200, { ok: true });
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("404 page not found");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stub");
    const path = url.pathname;
    if (path.startsWith("/__stub/")) return handleControl(req, res, path);

    const gemini = GEMINI_PATH.exec(path);
    const protocol: StubProtocol | undefined = gemini
      ? "gemini"
      : CHAT_PATH.test(path)
        ? path.startsWith("/openai/")
          ? "groq"
          : "openai-compatible"
        : undefined;
    if (req.method !== "POST" || !protocol) {
      // What a real server says when the base URL is wrong: not the API's JSON error shape.
      res.writeHead(404, { "content-type": "text/plain" }).end("404 page not found");
      return;
    }

    const raw = await readBody(req);
    const body: Json = raw ? (JSON.parse(raw) as Json) : {};
    const asked = protocol === "gemini" ? readGemini(body) : readChat(body);
    const callIndex = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, callIndex);
    perProtocol.set(protocol, (perProtocol.get(protocol) ?? 0) + 1);
    const record: RecordedRequest = {
      seq: ++seq,
      protocol,
      path,
      callIndex,
      model: gemini ? gemini[1].replace(/^models\//, "") : String(body.model ?? ""),
      stream: gemini ? gemini[2] === "streamGenerateContent" : body.stream === true,
      headers: req.headers,
      body,
      systemPrompt: asked.systemPrompt,
      userMessage: asked.userMessage,
      images: asked.images,
      receivedAt: Date.now(),
      aborted: false,
      chunks: [],
    };
    requests.push(record);
    if (requests.length > maxRecorded) requests.shift();

    // The client hanging up before we finished is what a cancel looks like from here.
    const hungUp = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished && !record.brokeStream) {
        record.aborted = true;
        hungUp.abort();
      }
      record.settledAt = Date.now();
    });

    const reply = (await behavior?.(record)) ?? {};
    await sleep(reply.delayMs ?? options.delayMs ?? 0, hungUp.signal);
    if (hungUp.signal.aborted) return;

    const expectedKey = options.apiKeys?.[protocol];
    let status = reply.status ?? 200;
    let errorMessage = reply.errorMessage;
    if (expectedKey !== undefined && apiKeyOf(protocol, req.headers) !== expectedKey) {
      // Gemini answers a bad key with 400 INVALID_ARGUMENT, the OpenAI-style APIs with 401.
      status = protocol === "gemini" ? 400 : 401;
      errorMessage =
        protocol === "gemini" ? "API key not valid. Please pass a valid API key." : "Invalid API Key";
    }
    record.status = status;
    if (reply.rawEvents !== undefined && record.stream && status < 400) {
      res.writeHead(status, { "content-type": "text/event-stream", ...reply.headers });
      res.end(reply.rawEvents.map((data) => `data: ${data}\n\n`).join(""));
      return;
    }
    if (reply.rawBody !== undefined) {
      res.writeHead(status, { "content-type": "application/json", ...reply.headers }).end(reply.rawBody);
      return;
    }
    if (status >= 400) {
      return sendJson(
        res,
        status,
        errorBody(protocol, status, errorMessage ?? defaultErrorMessage(status, record.model)),
        reply.headers,
      );
    }

    let words = (reply.text ?? `stub: ${record.userMessage}`).split(/\s+/).filter(Boolean);
    const cut = asked.maxTokens !== undefined && words.length > asked.maxTokens;
    if (cut) words = words.slice(0, asked.maxTokens);
    const answer: Answer = {
      text: words.join(" "),
      finish: cut ? "length" : "stop",
      usage: {
        promptTokens: wordCount(`${record.systemPrompt} ${record.userMessage}`) + 258 * record.images.length,
        outputTokens: words.length,
        ...reply.usage,
      },
    };
    if (!record.stream) {
      const payload =
        protocol === "gemini"
          ? geminiBody(answer, record.model, answer.text, true)
          : chatBody(answer, record);
      return sendJson(res, 200, payload, reply.headers);
    }
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      ...reply.headers,
    });
    const events = streamEvents(answer, record, {
      wordsPerChunk: reply.wordsPerChunk ?? options.wordsPerChunk,
      includeUsage: asked.includeUsage,
    });
    const lastText = events.findLastIndex((event) => event.text !== undefined);
    const chunkDelayMs = reply.chunkDelayMs ?? options.chunkDelayMs ?? 0;
    const breakAt = reply.streamError;
    let written: Promise<void> = Promise.resolve();
    for (const [i, event] of events.entries()) {
      if (breakAt && (event.text !== undefined || i > lastText) && record.chunks.length >= breakAt.afterChunks) {
        record.brokeStream = breakAt.disconnect ? "disconnect" : "error-event";
        // What was sent reaches the client first; then the connection drops mid-answer.
        if (breakAt.disconnect) return void (await written, res.destroy());
        const failure = breakAt.status ?? 500;
        const message = reply.errorMessage ?? defaultErrorMessage(failure, record.model);
        return void res.end(`data: ${JSON.stringify(errorBody(protocol, failure, message))}\n\n`);
      }
      if (event.text !== undefined && record.chunks.length > 0) await sleep(chunkDelayMs, hungUp.signal);
      if (hungUp.signal.aborted) return;
      if (event.text !== undefined) record.chunks.push({ at: preciseNow(), text: event.text });
      written = new Promise((resolve) => res.write(`data: ${event.data}\n\n`, () => resolve()));
    }
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `stub failure: ${String(error)}` } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const stub: LlmStub = {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    requests,
    setBehavior(next) {
      behavior = next;
    },
    calls(filter) {
      if (filter === undefined) return seq;
      return perProtocol.get(filter) ?? perPath.get(filter) ?? 0;
    },
    async waitFor(predicate, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`llm stub: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    reset() {
      requests.length = 0;
      perPath.clear();
      perProtocol.clear();
      seq = 0;
      behavior = options.behavior;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return stub;
}
