/**
 * Which link targets a model's answer may open: absolute http(s) and mailto only. Relative
 * paths would act on Galaxy's own origin with the user's cookies, and `javascript:`/`data:`
 * run code, so anything else is shown as text instead of a link.
 */
const ALLOWED = new Set(["http:", "https:", "mailto:"]);

/** The URL to put in `href`, or null when it must not become a link. */
export function safeHref(raw: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): refuse them outright.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
