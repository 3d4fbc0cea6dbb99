import "server-only";
import { createUploadServer } from "../upload/create-upload-server";
import { uploadImageNode } from "./definition";

export const { execute, checkReady } = createUploadServer(uploadImageNode);
