/** The pan and zoom a person left each workflow at, in localStorage, so reopening it shows the same place. */
import { z } from "zod";

const ZView = z.object({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive().finite() });
export type KeptView = z.infer<typeof ZView>;

const key = (workflowId: string) => `galaxy:view:${workflowId}`;

export function readKeptView(workflowId: string): KeptView | null {
  try {
    const parsed = ZView.safeParse(JSON.parse(window.localStorage.getItem(key(workflowId)) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function keepView(workflowId: string, view: KeptView): void {
  try {
    window.localStorage.setItem(key(workflowId), JSON.stringify({ x: view.x, y: view.y, zoom: view.zoom }));
  } catch {
    /* storage full or disabled: the next open fits the graph instead */
  }
}
