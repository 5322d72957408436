// The locale and time zone amounts and dates are shown in. The server and the browser's first
// render (hydration) both use HYDRATION_PREFS, so their HTML is the same and React never sees a
// mismatch; right after hydration the browser switches to its own locale and zone
// (components/providers/display-prefs.tsx) and renders again. Formatting reads these getters.

export interface DisplayPrefs {
  locale: string;
  timeZone: string;
}

/** What the server renders with (and the browser's first render): stable, whatever the machine's settings. */
export const HYDRATION_PREFS: DisplayPrefs = { locale: "en-US", timeZone: "UTC" };

let current: DisplayPrefs = HYDRATION_PREFS;

export function displayPrefs(): DisplayPrefs {
  return current;
}

/** Browser only: switch formatting to these prefs (after hydration). */
export function setDisplayPrefs(prefs: DisplayPrefs): void {
  current = prefs;
}

/** The browser's own locale and time zone (falls back to the hydration prefs where unknown). */
export function browserDisplayPrefs(): DisplayPrefs {
  const resolved = new Intl.DateTimeFormat().resolvedOptions();
  const locale = (typeof navigator !== "undefined" && navigator.language) || resolved.locale || HYDRATION_PREFS.locale;
  return { locale, timeZone: resolved.timeZone || HYDRATION_PREFS.timeZone };
}

/** A formatter per prefs and options, built once. */
export function cachedFormatter<F>(make: (prefs: DisplayPrefs) => F): () => F {
  let key = "";
  let made: F | undefined;
  return () => {
    const prefs = current;
    const k = `${prefs.locale}|${prefs.timeZone}`;
    if (made === undefined || k !== key) {
      made = make(prefs);
      key = k;
    }
    return made;
  };
}
