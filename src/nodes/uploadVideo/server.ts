import "server-only";
import { createUploadServer } from "../upload/create-upload-server";
import { uploadVideoNode } from "./definition";

export const { execute, checkReady } = createUploadServer(uploadVideoNode);
