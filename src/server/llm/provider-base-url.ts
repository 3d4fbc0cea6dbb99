/**
 * Where each provider's API lives. Users paste either a bare origin
 * (`http://127.0.0.1:4010`, a proxy) or a full versioned base
 * (`https://generativelanguage.googleapis.com/v1beta`); both must work.
 *
 * Rule: a base whose path already ends in a version segment (`/v1`, `/v1beta`,
 * `/v2alpha`…) is used as given; otherwise the provider's usual path is appended
 * (Gemini `/v1beta`, Groq `/openai/v1`). An OpenAI-compatible base is always used as
 * given, because servers disagree on the path (`/v1`, `/api/v1`, `/openai/v1`).
 */

const VERSION_SEGMENT = /\/v\d+(?:(?:alpha|beta)\d*)?$/i;

export const GOOGLE_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
export const GROQ_DEFAULT_BASE_URL = "https://api.groq.com/openai/v1";

function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * @example
 * withVersionPath("http://127.0.0.1:4010", "/v1beta"); // "http://127.0.0.1:4010/v1beta"
 * withVersionPath("https://proxy.example/gemini/v1/", "/v1beta"); // "https://proxy.example/gemini/v1"
 */
export function withVersionPath(base: string, versionPath: string): string {
  const trimmed = withoutTrailingSlashes(base);
  // Query strings and fragments have no place in a base URL; compare on the path only.
  const path = new URL(trimmed).pathname;
  return VERSION_SEGMENT.test(withoutTrailingSlashes(path)) ? trimmed : `${trimmed}${versionPath}`;
}

export function googleBaseUrl(base: string | undefined): string {
  return base ? withVersionPath(base, "/v1beta") : GOOGLE_DEFAULT_BASE_URL;
}

export function groqBaseUrl(base: string | undefined): string {
  return base ? withVersionPath(base, "/openai/v1") : GROQ_DEFAULT_BASE_URL;
}

export function openAiCompatibleBaseUrl(base: string): string {
  return withoutTrailingSlashes(base);
}
