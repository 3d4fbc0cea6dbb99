import type { Metadata } from "next";
import localFont from "next/font/local";
import { QueryProvider } from "@/lib/client/queries/query-provider";
import { env } from "@/server/env";
import { ClerkRootLazy } from "./clerk-root-lazy";
import "./globals.css";

const inter = localFont({
  src: "./fonts/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: "Galaxy — visual AI workflows",
  description: "Wire text, images, video and LLMs on a canvas; run them in parallel; inspect every run.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const config = env();
  // One QueryClient per tab for every page (dashboard, editor, settings); inside Clerk's provider when there is one.
  const body = (
    <body className="font-sans antialiased">
      <QueryProvider>{children}</QueryProvider>
    </body>
  );
  if (!config.clerkEnabled || !config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) {
    return (
      <html lang="en" className={inter.variable}>
        {body}
      </html>
    );
  }
  // With Clerk configured, its provider keeps the short-lived session cookie fresh for API calls.
  return (
    <html lang="en" className={inter.variable}>
      <ClerkRootLazy publishableKey={config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}>{body}</ClerkRootLazy>
    </html>
  );
}
