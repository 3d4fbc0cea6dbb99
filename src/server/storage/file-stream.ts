import "server-only";
import { open } from "node:fs/promises";

const CHUNK = 256 * 1024;

/**
 * A pull-based Web stream over a file range (inclusive `end`): reads only as fast as
 * the client consumes, and closes the file descriptor on end, error or cancel.
 */
export async function fileReadableStream(path: string, start = 0, end?: number): Promise<ReadableStream<Uint8Array>> {
  const handle = await open(path, "r");
  const last = end ?? (await handle.stat()).size - 1;
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const want = Math.min(CHUNK, last - position + 1);
        if (want <= 0) {
          await close();
          controller.close();
          return;
        }
        const buffer = new Uint8Array(want);
        const { bytesRead } = await handle.read(buffer, 0, want, position);
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (error) {
        await close().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}

/** Iterates a Web stream's chunks (the DOM typings lack `for await` on ReadableStream). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
