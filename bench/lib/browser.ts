// Debian's Chromium, through Playwright (page loads, scale timings) and chrome-launcher (Lighthouse).
import { chromium, type Browser, type Page } from "playwright";
import { parseCookieHeader } from "./http";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../e2e/chromium";
import { onCleanup } from "./procs";

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? CHROMIUM_PATH;
export { CHROMIUM_FLAGS };

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS.filter((f) => f !== "--headless"), headless: true });
  const undo = onCleanup(() => browser.close());
  browser.once("disconnected", undo);
  return browser;
}

/** A page in its own context, signed in with the given session cookie. */
export async function newUserPage(browser: Browser, origin: string, cookie: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  // tsx (esbuild, keepNames) wraps named functions inside page.evaluate callbacks in __name().
  await context.addInitScript("globalThis.__name = (f) => f;");
  const { hostname } = new URL(origin);
  await context.addCookies(
    parseCookieHeader(cookie).map(({ name, value }) => ({ name, value, domain: hostname, path: "/", httpOnly: true, secure: true, sameSite: "Lax" as const })),
  );
  return context.newPage();
}
