import Link from "next/link";
import { getPageUser } from "@/server/auth/require-page-user";

export const dynamic = "force-dynamic";

const PRIMARY = "rounded-md bg-violet-600 px-4 py-2 font-medium hover:bg-violet-500";
const SECONDARY = "rounded-md border border-zinc-700 px-4 py-2 hover:bg-zinc-900";

/** The front door: a one-line pitch, then sign-up and sign-in for visitors, or the way back to your workflows. */
export default async function HomePage() {
  const user = await getPageUser();
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6">
      <h1 className="text-4xl font-semibold tracking-tight">Galaxy</h1>
      <p className="text-lg text-zinc-400">Build AI workflows on a canvas: wire text, images, video and any LLM, then run them and see every step.</p>
      <nav className="flex gap-3" aria-label="Get started">
        {user ? (
          <Link className={PRIMARY} href="/workflows">Open your workflows</Link>
        ) : (
          <>
            <Link className={PRIMARY} href="/sign-up">Sign up</Link>
            <Link className={SECONDARY} href="/sign-in">Sign in</Link>
          </>
        )}
      </nav>
    </main>
  );
}
