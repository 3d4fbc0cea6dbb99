import type { Asset } from "../db/schema";
import { assetUrl } from "./asset-url";

export interface PublicAsset {
  id: string;
  url: string;
  kind: Asset["kind"];
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  originalName: string | null;
  createdAt: string;
}

/** The API's view of an asset: no storage keys, hashes or remote URLs. */
export function toPublicAsset(asset: Asset): PublicAsset {
  return {
    id: asset.id,
    url: assetUrl(asset),
    kind: asset.kind,
    mime: asset.mime,
    size: asset.size,
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    originalName: asset.originalName,
    createdAt: asset.createdAt.toISOString(),
  };
}
