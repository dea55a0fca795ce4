"use client";

import { useState } from "react";

/**
 * The open tab of a page, kept in ?tab= so a reload or a shared link lands on it; replaceState
 * rather than a navigation, since the server page has nothing new to render. Unknown keys are
 * ignored.
 */
export function useUrlTab<T extends string>(tabs: readonly T[], initialTab: T): [T, (key: string) => void] {
  const [active, setActive] = useState<T>(initialTab);
  function open(key: string) {
    const tab = tabs.find((k) => k === key);
    if (!tab) return;
    setActive(tab);
    const url = new URL(window.location.href);
    url.searchParams.set("tab", tab);
    window.history.replaceState(window.history.state, "", url);
  }
  return [active, open];
}
