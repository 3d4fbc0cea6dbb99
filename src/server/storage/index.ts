export type { ByteRange, FileStorage, StorageName, StoredFile, StoredRef } from "./file-storage";
export { getActiveStorage, getStorage } from "./get-storage";
export { createTempPath, filesDir, tempDir } from "./storage-paths";
export { buildSignedAssemblyParams, formatTransloaditExpires, signTransloaditParams } from "./transloadit-signature";
