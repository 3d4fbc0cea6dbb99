/**
 * Size limits the server enforces, in a client-safe module so the editor can say them on the
 * node before a save is tried (the server's own checks read the same numbers).
 */

/** The longest text one field may hold (a Text node's text, a prompt), in characters. */
export const MAX_TEXT_FIELD_CHARS = 1_000_000;

/** A JSON request body's cap in bytes unless GALAXY_MAX_BODY_BYTES says otherwise: a saved workflow is one body. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;
