/** Uploads one file to `POST /api/uploads` with progress (fetch cannot report upload progress). */
import { ApiError } from "./api";
import type { Asset } from "./types";

export function uploadFile(file: File, onProgress: (fraction: number) => void): { promise: Promise<Asset>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Asset>((resolve, reject) => {
    xhr.open("POST", "/api/uploads");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { success?: boolean; asset?: Asset; error?: string; code?: string };
      if (xhr.status >= 200 && xhr.status < 300 && body.asset) return resolve(body.asset);
      reject(new ApiError(body.error ?? `upload failed (${xhr.status})`, xhr.status, body.code ?? `HTTP_${xhr.status}`));
    };
    xhr.onerror = () => reject(new ApiError("upload failed — check your connection", 0, "NETWORK"));
    xhr.onabort = () => reject(new ApiError("upload canceled", 0, "ABORTED"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
