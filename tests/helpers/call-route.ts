/**
 * Calls a Next.js route handler in-process with a real `NextRequest`, as the
 * server would (same parsing, same auth, same error mapping), without a build.
 * End-to-end HTTP against the built server lives in the e2e suite.
 */
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON (Content-Type set); a string or bytes are sent as is. */
  body?: unknown;
  params?: Record<string, string>;
}

export async function callRoute(handler: Handler, url: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === "string" || options.body instanceof Uint8Array || options.body instanceof FormData) {
      body = options.body as BodyInit;
    } else {
      body = JSON.stringify(options.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  const req = new NextRequest(new URL(url, "http://127.0.0.1:3000"), {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json: json as Record<string, any> | undefined, text };
}
