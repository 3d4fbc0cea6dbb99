import type { z } from "zod";
import { ZPublicAsset } from "@/contracts/asset";
import { pickWire } from "@/contracts/wire";
import type { Asset } from "../db/schema";
import { assetUrl } from "./asset-url";

export type PublicAsset = z.input<typeof ZPublicAsset>;

/** The API's view of an asset: no storage keys, hashes or remote URLs. */
export function toPublicAsset(asset: Asset): PublicAsset {
  return { ...pickWire(ZPublicAsset, asset), url: assetUrl(asset) };
}
