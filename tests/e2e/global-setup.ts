/** One account for the suite (sign-up is rate limited per IP): its session cookie becomes the tests' storage state. */
import { request, type FullConfig } from "@playwright/test";

export const STORAGE_STATE = "test-results/e2e-session.json";

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0].use.baseURL;
  const ctx = await request.newContext({ baseURL });
  const email = `e2e-suite-${Date.now().toString(36)}@example.com`;
  const res = await ctx.post("/api/auth/sign-up", { data: { email, password: "correct horse battery", name: "E2E" } });
  if (!res.ok()) throw new Error(`e2e sign-up failed: ${res.status()} ${await res.text()}`);
  await ctx.storageState({ path: STORAGE_STATE });
  await ctx.dispose();
}
