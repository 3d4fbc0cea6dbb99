/** Input styling shared by node fields (`nodrag` so typing and selecting never drag the node). */
export const FIELD =
  "nodrag w-full rounded-md border border-line bg-black/30 px-2 py-1.5 text-xs text-zinc-100 placeholder:text-zinc-600 focus:border-violet-400 focus:outline-none";

export const TEXTAREA = `${FIELD} nowheel min-h-16 resize-y leading-relaxed`;
