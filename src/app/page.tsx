import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6">
      <h1 className="text-4xl font-semibold tracking-tight">Galaxy</h1>
      <p className="text-lg text-zinc-400">
        Wire text, images, video and any LLM on a canvas. Independent branches run in parallel, runs survive
        crashes, and every run is kept node by node.
      </p>
      <div className="flex gap-3">
        <Link className="rounded-md bg-violet-600 px-4 py-2 font-medium hover:bg-violet-500" href="/workflows">
          Open your workflows
        </Link>
        <Link className="rounded-md border border-zinc-700 px-4 py-2 hover:bg-zinc-900" href="/sign-up">
          Create an account
        </Link>
      </div>
    </main>
  );
}
