import type { NodeExecutor } from "../types";
import type { textNode } from "./definition";

/** A text node outputs its text as is. */
export const execute: NodeExecutor<typeof textNode> = async (input) => ({ outputs: { text: input.text } });
