/**
 * Runs once per server process (never during `next build`): validates the
 * configuration, opens the database (migrating it) and starts the job worker.
 * Any failure ends the process with one readable line — a server that keeps
 * listening and answers 500 would hide the problem.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: route handlers learn each request's socket address only through this stamp.
  const { stampPeerAddresses } = await import("./src/server/auth/peer-address");
  stampPeerAddresses();
  const { startServerProcess } = await import("./src/server/start/start-server-process");
  await startServerProcess();
}
