import type { Metadata } from "next";
import localFont from "next/font/local";
import { ClerkProvider } from "@clerk/nextjs";
import { env } from "@/server/env";
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
  const body = <body className="font-sans antialiased">{children}</body>;
  return (
    <html lang="en" className={inter.variable}>
      {/* Only with Clerk configured: its provider keeps the short-lived session cookie fresh for API calls. */}
      {config.clerkEnabled ? (
        <ClerkProvider
          publishableKey={config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}
          appearance={{ variables: { colorPrimary: "#8b5cf6" } }}
        >
          {body}
        </ClerkProvider>
      ) : (
        body
      )}
    </html>
  );
}
