/** Clerk's hosted sign-in / sign-up UI, used only when Clerk is configured (the root layout provides ClerkProvider then). */
import { SignIn, SignUp } from "@clerk/nextjs";

export function ClerkPanel({ mode, next }: { mode: "sign-in" | "sign-up"; next: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-950 px-4 py-12">
      {mode === "sign-in" ? (
        <SignIn routing="hash" signUpUrl="/sign-up" forceRedirectUrl={next} />
      ) : (
        <SignUp routing="hash" signInUrl="/sign-in" forceRedirectUrl={next} />
      )}
    </main>
  );
}
