/**
 * The crop box as the node draws it on its input image before running, in percent of the
 * image, with what the server will do about a box that does not fit (`computeCropBox`:
 * cut at the edge; nothing to crop when empty or starting outside), said in words.
 */
export interface CropPercentValues {
  x_percent: number;
  y_percent: number;
  width_percent: number;
  height_percent: number;
}

export interface CropPreview {
  /** Left, top, width, height in percent, cut to the image. */
  box: { left: number; top: number; width: number; height: number };
  hints: string[];
}

export function previewCrop(crop: CropPercentValues): CropPreview {
  const hints: string[] = [];
  const axis = (start: number, span: number, names: [string, string, string, string]): [number, number] => {
    const [from, extent, edge, wide] = names;
    if (span <= 0) hints.push(`The box is empty: ${extent} is 0%. Nothing to crop.`);
    else if (start >= 100) hints.push(`The box starts past the ${edge} edge (${from} ${round(start)}%). Nothing to crop.`);
    else if (start + span > 100) {
      hints.push(`${from} ${round(start)}% + ${extent} ${round(span)}% runs past the ${edge} edge: the crop will be ${round(100 - start)}% ${wide}.`);
    }
    const left = Math.min(Math.max(start, 0), 100);
    return [left, Math.max(0, Math.min(span, 100 - left))];
  };
  const [left, width] = axis(crop.x_percent, crop.width_percent, ["X", "width", "right", "wide"]);
  const [top, height] = axis(crop.y_percent, crop.height_percent, ["Y", "height", "bottom", "high"]);
  return { box: { left, top, width, height }, hints };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
