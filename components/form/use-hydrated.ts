"use client";

import { useEffect, useState } from "react";

/**
 * False in the server-rendered HTML, true once React runs in the browser. Submit buttons stay
 * disabled until then, so a click before hydration cannot submit the form natively (a GET to the
 * page with the values in the URL) or get lost.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
