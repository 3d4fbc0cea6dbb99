/** Ports on 127.0.0.1 for tests: a server listening on a port the system picks, and a port where nothing listens. */
import { createServer, type Server } from "node:net";

/** Starts `server` on 127.0.0.1 at a free port; the port. */
export async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** A port where nothing listens (bound, then released): for a server to start on, or a dead address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listenOnFreePort(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
