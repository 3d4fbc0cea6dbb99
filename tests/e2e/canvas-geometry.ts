/** Reading the canvas as a person sees it: React Flow's pan/zoom and the boxes nodes take on screen. */
import { expect, type Locator, type Page } from "@playwright/test";

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type Box = { x: number; y: number; width: number; height: number };

/** The pan and zoom from the transform React Flow puts on its viewport layer. */
export async function readViewport(page: Page): Promise<Viewport> {
  const transform = await page.locator(".react-flow__viewport").evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(\s*(-?[\d.e+-]+)px,\s*(-?[\d.e+-]+)px\)\s*scale\(\s*([\d.e+-]+)\s*\)/.exec(transform);
  expect(m, `viewport transform: ${transform}`).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]), zoom: Number(m![3]) };
}

/** The view once it stopped moving (the opening view is set after the nodes are measured). */
export async function settledViewport(page: Page): Promise<Viewport> {
  let last = "";
  await expect
    .poll(async () => {
      const now = JSON.stringify(await readViewport(page));
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [300] })
    .toBe(true);
  return JSON.parse(last) as Viewport;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, "the element is drawn").not.toBeNull();
  return box!;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
