"use client";
/** Clerk's provider for the whole app, imported only when Clerk is configured (it is ≈ 50 KiB gzipped). */
import { ClerkProvider } from "@clerk/nextjs";

export function ClerkRoot({ publishableKey, children }: { publishableKey: string; children: React.ReactNode }) {
  return (
    <ClerkProvider publishableKey={publishableKey} appearance={{ variables: { colorPrimary: "#8b5cf6" } }}>
      {children}
    </ClerkProvider>
  );
}
