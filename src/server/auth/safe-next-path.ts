/** The `?next=` target after sign-in, only ever a path on this site (no open redirect). */
export const DEFAULT_AFTER_SIGN_IN = "/workflows";

export function safeNextPath(next: string | string[] | null | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\r\n\t]/.test(value)) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return value;
}
