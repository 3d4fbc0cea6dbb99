/**
 * A child process that starts Galaxy's server-side services exactly as the web
 * server does (env → database → background services), then idles until killed.
 * Used to test what a second process does on a data directory in use.
 */
import { startServerProcess } from "@/server/start/start-server-process";

await startServerProcess();
console.log("started");
setInterval(() => undefined, 60_000);
