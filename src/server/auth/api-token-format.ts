/** Personal API tokens look like `gxy_<43 base64url characters>`; lists show the first 12 characters. */
export const API_TOKEN_PREFIX = "gxy_";
export const API_TOKEN_DISPLAY_LENGTH = 12;

export function isApiTokenFormat(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX) && /^gxy_[A-Za-z0-9_-]{20,100}$/.test(value);
}
