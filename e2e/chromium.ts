// Debian's Chromium and the flags this machine needs (Playwright's own browser download is not
// reachable here; without the background-networking flags Chromium dials hosts it can't reach).
// Shared by the e2e config and the benchmarks.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
