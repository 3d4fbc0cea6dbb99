/** The tab shows the open workflow's name, as it is typed. */
"use client";
import { useEffect } from "react";

export function useDocumentTitle(name: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = name.trim() ? `${name.trim()} — Galaxy` : "Untitled workflow — Galaxy";
    return () => {
      document.title = before;
    };
  }, [name]);
}
