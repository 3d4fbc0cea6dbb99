"use client";
/**
 * Clerk's provider as a lazily loaded chunk: the root layout renders this only when Clerk is
 * configured, so the ≈ 47 KiB (gzipped) of Clerk's client code reaches no one else.
 */
import dynamic from "next/dynamic";

export const ClerkRootLazy = dynamic(() => import("./clerk-root").then((m) => m.ClerkRoot));
