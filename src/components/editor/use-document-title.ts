/** The tab shows the open workflow's name, as it is typed. */
"use client";
import { useEffect } from "react";

export function useDocumentTitle(name: string): void {
  useEffect(() => {
    const before = document.title;
    const wanted = name.trim() ? `${name.trim()} — Galaxy` : "Untitled workflow — Galaxy";
    document.title = wanted;
    // The page's own <title> ("Editor — Galaxy") can arrive after this, streamed with the page's
    // last parts (the workflow streams in the same response): the name wins over it.
    const observer = new MutationObserver(() => {
      if (document.title !== wanted) document.title = wanted;
    });
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = before;
    };
  }, [name]);
}
