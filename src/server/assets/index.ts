/** Assets: every stored file is a row owned by a user. Server-only. */
export { assetUrl } from "./asset-url";
export { createAssetFromBytes, type CreateAssetFromBytesOptions } from "./create-asset-from-bytes";
export { createAssetFromUpload } from "./create-asset-from-upload";
export { findOwnedAsset } from "./find-owned-asset";
export { getOwnedAssetOrThrow } from "./get-owned-asset-or-throw";
export { openAssetFile, type OpenedAssetFile } from "./open-asset-file";
export { readAssetBytes } from "./read-asset-bytes";
export { assetIdFromUrl, resolveOwnedAsset } from "./resolve-owned-asset";
export { serveAssetFile } from "./serve-asset-file";
export { toPublicAsset, type PublicAsset } from "./to-public-asset";
