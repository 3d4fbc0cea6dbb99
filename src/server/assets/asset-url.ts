import type { Asset } from "../db/schema";

/** The URL an asset is served at (and the value on `image`/`video` ports): always Galaxy's own, whatever the storage. */
export function assetUrl(asset: Pick<Asset, "id">): string {
  return `/api/files/${asset.id}`;
}
