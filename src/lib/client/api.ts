/**
 * The browser's one way to call Galaxy's API: JSON in, `{success:true, …}` out, and every
 * `{success:false, error, code, issues}` turned into an `ApiError` the UI can show as is.
 * A 401 sends the user to sign-in (the session expired in another tab, say).
 */
export interface ApiIssue {
  path: string;
  message: string;
  nodeId?: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: ApiIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Json = Record<string, unknown>;

export interface ApiOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to sign-in on 401 (the caller handles it). */
  noAuthRedirect?: boolean;
}

let wroteFromThisTab = false;

/** True once this tab has sent any request that may change data (what the editor's served copy checks). */
export function hasWrittenFromThisTab(): boolean {
  return wroteFromThisTab;
}

export async function api<T = Json>(path: string, options: ApiOptions = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? "GET", signal: options.signal, credentials: "same-origin" };
  if (init.method !== "GET") wroteFromThisTab = true;
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { "content-type": "application/json" };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("cannot reach the server — check your connection", 0, "NETWORK");
  }
  const body = (await res.json().catch(() => ({}))) as Json;
  if (res.ok && body.success !== false) return body as T;
  if (res.status === 401 && !options.noAuthRedirect && typeof window !== "undefined") {
    // A full navigation on purpose: nothing of a signed-out session's client state should survive.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.href = `/sign-in?next=${encodeURIComponent(window.location.pathname)}`;
  }
  const message = typeof body.error === "string" ? body.error : `request failed (${res.status})`;
  const code = typeof body.code === "string" ? body.code : `HTTP_${res.status}`;
  const issues = Array.isArray(body.issues) ? (body.issues as ApiIssue[]) : [];
  throw new ApiError(message, res.status, code, issues, body);
}

/** A message fit for a person: the server's words, or a plain fallback. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "something went wrong";
}
