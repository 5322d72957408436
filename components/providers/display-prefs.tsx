"use client";

import { Fragment, useEffect, useState, type ReactNode } from "react";
import { browserDisplayPrefs, displayPrefs, HYDRATION_PREFS, setDisplayPrefs } from "@/lib/display-prefs";

/**
 * Amounts and dates in the browser's locale and time zone without a hydration mismatch: the
 * first render formats as the server did (HYDRATION_PREFS); once hydrated, if the browser reads
 * differently, formatting switches to its prefs and the tree below renders again (remounted by
 * key: every formatted value is redrawn; the query cache above keeps the data).
 */
export function DisplayPrefsBoundary({ children }: { children: ReactNode }) {
  const [key, setKey] = useState(() => `${HYDRATION_PREFS.locale}|${HYDRATION_PREFS.timeZone}`);
  useEffect(() => {
    const prefs = browserDisplayPrefs();
    const next = `${prefs.locale}|${prefs.timeZone}`;
    const now = displayPrefs();
    if (next === `${now.locale}|${now.timeZone}` && next === key) return;
    setDisplayPrefs(prefs);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's prefs are known only after hydration; one switch, once
    setKey(next);
  }, [key]);
  return <Fragment key={key}>{children}</Fragment>;
}
