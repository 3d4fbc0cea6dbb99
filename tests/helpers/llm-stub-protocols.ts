/**
 * The wire shapes of the three protocols the LLM stub speaks: what a request asks
 * (system prompt, user text, images, token limit) and the answers, errors, token usage and
 * server-sent events each provider really sends (see FINDINGS.md, "Model providers").
 */

export type StubProtocol = "gemini" | "groq" | "openai-compatible";

/** What an answer needs to know about its request. */
export interface AnswerContext {
  seq: number;
  protocol: StubProtocol;
  model: string;
  receivedAt: number;
}

/**
 * Token counts as a provider reports them. `outputTokens` counts the answer's text; reasoning
 * ("thinking") tokens are counted apart, and billed as output by every provider.
 */
export interface StubUsage {
  promptTokens: number;
  outputTokens: number;
  /** Of `promptTokens`, read from the provider's cache (Gemini `cachedContentTokenCount`, OpenAI `cached_tokens`). */
  cachedTokens?: number;
  /** Gemini `thoughtsTokenCount`; OpenAI's `reasoning_tokens`, part of its `completion_tokens`. */
  reasoningTokens?: number;
}

export interface Answer {
  text: string;
  finish: "stop" | "length";
  usage: StubUsage;
}

/** One server-sent event's data; `text` is the answer text it carries, if any. */
export interface StreamEvent {
  data: string;
  text?: string;
}

export interface StreamShape {
  /** Words of the answer per text event (default 1). */
  wordsPerChunk?: number;
  /** Chat protocols: the request's `stream_options.include_usage`. */
  includeUsage?: boolean;
}

export const GEMINI_PATH = /^\/v1[a-z0-9]*\/(.+):(generateContent|streamGenerateContent)$/;
/** `/v1/chat/completions`, `/api/v1/chat/completions`…: a bare `/chat/completions` is a wrong base URL. */
export const CHAT_PATH = /\/v\d+[a-z0-9]*\/chat\/completions$/;
const GEMINI_STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

export type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function defaultErrorMessage(status: number, model: string): string {
  if (status === 401) return "Invalid API Key";
  if (status === 404) return `The model \`${model}\` does not exist or you do not have access to it.`;
  if (status === 429) return `Rate limit reached for model \`${model}\`. Please try again later.`;
  if (status >= 500) return "Internal server error";
  return "Bad request";
}

/** What a Gemini request asks: system instruction, last user turn's text and inline images. */
export function readGemini(body: Json) {
  const system = asArray(isObject(body.systemInstruction) ? body.systemInstruction.parts : undefined);
  const userTurns = asArray(body.contents).filter((c) => isObject(c) && c.role === "user");
  const parts = asArray(isObject(userTurns.at(-1)) ? (userTurns.at(-1) as Json).parts : undefined).filter(
    isObject,
  );
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  return {
    systemPrompt: system
      .filter(isObject)
      .map((p) => String(p.text ?? ""))
      .join("\n"),
    userMessage: parts
      .filter((p) => typeof p.text === "string")
      .map((p) => p.text)
      .join("\n"),
    images: parts
      .map((p) => p.inlineData)
      .filter(isObject)
      .map((d) => ({ mime: String(d.mimeType), bytes: Buffer.from(String(d.data), "base64") })),
    maxTokens: typeof config.maxOutputTokens === "number" ? config.maxOutputTokens : undefined,
    // Gemini reports usage on every answer, streamed or not.
    includeUsage: true,
  };
}

/** The same for OpenAI's chat format (Groq, Ollama, vLLM…): images are data URLs. */
export function readChat(body: Json) {
  const messages = asArray(body.messages).filter(isObject);
  const textOf = (content: unknown) =>
    typeof content === "string"
      ? content
      : asArray(content)
          .filter(isObject)
          .filter((p) => p.type === "text")
          .map((p) => String(p.text))
          .join("\n");
  const user = messages.filter((m) => m.role === "user").at(-1);
  const images = asArray(user?.content)
    .filter(isObject)
    .filter((p) => p.type === "image_url" && isObject(p.image_url))
    .map((p) => /^data:([^;]+);base64,(.*)$/s.exec(String((p.image_url as Json).url)))
    .filter((match) => match !== null)
    .map((match) => ({ mime: match[1], bytes: Buffer.from(match[2], "base64") }));
  const maxTokens = body.max_tokens ?? body.max_completion_tokens;
  return {
    systemPrompt: messages
      .filter((m) => m.role === "system")
      .map((m) => textOf(m.content))
      .join("\n"),
    userMessage: textOf(user?.content),
    images,
    maxTokens: typeof maxTokens === "number" ? maxTokens : undefined,
    includeUsage: isObject(body.stream_options) && body.stream_options.include_usage === true,
  };
}

export function errorBody(protocol: StubProtocol, status: number, message: string): Json {
  if (protocol === "gemini") {
    return { error: { code: status, message, status: GEMINI_STATUS[status] ?? "UNKNOWN" } };
  }
  const type = status === 429 ? "tokens" : status >= 500 ? "internal_server_error" : "invalid_request_error";
  const code = status === 401 ? "invalid_api_key" : status === 429 ? "rate_limit_exceeded" : null;
  return { error: { message, type, code } };
}

export function geminiBody(answer: Answer, model: string, text: string, final: boolean): Json {
  return {
    candidates: [
      {
        content: { role: "model", parts: [{ text }] },
        ...(final ? { finishReason: answer.finish === "length" ? "MAX_TOKENS" : "STOP" } : {}),
        index: 0,
      },
    ],
    usageMetadata: geminiUsage(answer.usage),
    modelVersion: model,
  };
}

/** Gemini's total counts thoughts on top of the candidates; cached tokens are part of the prompt's. */
function geminiUsage(usage: StubUsage): Json {
  const { promptTokens, outputTokens, cachedTokens, reasoningTokens } = usage;
  return {
    promptTokenCount: promptTokens,
    candidatesTokenCount: outputTokens,
    totalTokenCount: promptTokens + outputTokens + (reasoningTokens ?? 0),
    ...(cachedTokens !== undefined && { cachedContentTokenCount: cachedTokens }),
    ...(reasoningTokens !== undefined && { thoughtsTokenCount: reasoningTokens }),
  };
}

/** OpenAI's `completion_tokens` include the reasoning tokens; the details say how many. */
function chatUsage(usage: StubUsage): Json {
  const { promptTokens, outputTokens, cachedTokens, reasoningTokens } = usage;
  const completion = outputTokens + (reasoningTokens ?? 0);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
    ...(cachedTokens !== undefined && { prompt_tokens_details: { cached_tokens: cachedTokens } }),
    ...(reasoningTokens !== undefined && { completion_tokens_details: { reasoning_tokens: reasoningTokens } }),
  };
}

export function chatBody(answer: Answer, record: AnswerContext): Json {
  return {
    id: `chatcmpl-stub-${record.seq}`,
    object: "chat.completion",
    created: Math.floor(record.receivedAt / 1000),
    model: record.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: answer.text },
        logprobs: null,
        finish_reason: answer.finish,
      },
    ],
    usage: chatUsage(answer.usage),
    ...(record.protocol === "groq" ? { x_groq: { id: `req_stub_${record.seq}` } } : {}),
  };
}

/** The answer's text in pieces of `wordsPerChunk` words (each word keeps its trailing space). */
function chunksOf(text: string, wordsPerChunk: number): string[] {
  const words = text.split(/(?<=\s)/);
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) chunks.push(words.slice(i, i + wordsPerChunk).join(""));
  return chunks;
}

/**
 * Server-sent events: the answer a few words at a time, then the end. Gemini sends usage on
 * every event; Groq on the last in `x_groq.usage`; OpenAI-style servers, when the request asked
 * `stream_options.include_usage`, in one more event with no choices (and `usage: null` on the
 * others). Chat streams end with `[DONE]`.
 */
export function streamEvents(answer: Answer, record: AnswerContext, shape: StreamShape = {}): StreamEvent[] {
  const chunks = chunksOf(answer.text, Math.max(1, shape.wordsPerChunk ?? 1));
  if (record.protocol === "gemini") {
    return chunks.map((text, i) => ({
      data: JSON.stringify(geminiBody(answer, record.model, text, i === chunks.length - 1)),
      text,
    }));
  }
  const base = {
    id: `chatcmpl-stub-${record.seq}`,
    object: "chat.completion.chunk",
    created: Math.floor(record.receivedAt / 1000),
    model: record.model,
  };
  const nullUsage = shape.includeUsage ? { usage: null } : {};
  const chunk = (delta: Json, finish: string | null, extra: Json = {}) =>
    JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }], ...nullUsage, ...extra });
  const groqUsage = record.protocol === "groq" ? { x_groq: { usage: chatUsage(answer.usage) } } : {};
  return [
    { data: chunk({ role: "assistant", content: "" }, null) },
    ...chunks.map((text) => ({ data: chunk({ content: text }, null), text })),
    { data: chunk({}, answer.finish, groqUsage) },
    ...(shape.includeUsage ? [{ data: JSON.stringify({ ...base, choices: [], usage: chatUsage(answer.usage) }) }] : []),
    { data: "[DONE]" },
  ];
}
