// Issue #17 item 9/10: no page is wider than the screen, on a phone (390 px) or a desktop
// (1440 px), for either role: wide tables scroll inside their card instead of widening the page.
import type { Page } from "@playwright/test";
import { pagesFor } from "../lib/navigation";
import { test, expect, storageStateFor, type Role } from "./fixtures";

const WIDTHS = [390, 1440] as const;

/** The widest elements that stick out of the viewport: what to fix when the page overflows. */
async function overflowReport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || r.width === 0) continue;
      // Inside a scroll region that clips it: fine.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if ((s.overflowX === "auto" || s.overflowX === "hidden" || s.overflowX === "scroll") && p.getBoundingClientRect().right <= vw + 1) {
          clipped = true;
          break;
        }
      }
      // Absolutely placed boxes escape a clipping parent that is not their containing block.
      const s = getComputedStyle(el);
      if (clipped && s.position !== "absolute" && s.position !== "fixed") continue;
      const id = el.getAttribute("data-testid") ?? el.getAttribute("data-slot") ?? el.className.toString().slice(0, 80);
      out.push(`${el.tagName.toLowerCase()}[${id}] right=${Math.round(r.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      if (out.length >= 8) break;
    }
    return out;
  });
}

async function pathsFor(page: Page, role: Role): Promise<string[]> {
  const paths: string[] = pagesFor(role).map((p) => p.href);
  paths.push("/usage?view=daily");
  if (role === "owner") {
    const res = await page.request.get("/api/webhook-deliveries?size=1");
    const id = res.ok() ? ((await res.json()) as { data: { id: string }[] }).data[0]?.id : undefined;
    if (id) paths.push(`/webhooks/${id}`);
  }
  return paths;
}

for (const role of ["owner", "finance"] as const) {
  test.describe(`no page wider than the screen (${role})`, () => {
    test.use({ storageState: storageStateFor(role) });
    for (const width of WIDTHS) {
      test(`every ${role} page fits ${width} px`, async ({ page }) => {
        test.setTimeout(180_000);
        await page.setViewportSize({ width, height: 900 });
        const problems: string[] = [];
        for (const path of await pathsFor(page, role)) {
          await page.goto(path);
          await expect(page.locator("main h1").first()).toBeVisible();
          // Let the page's reads land (tables render their rows), then measure.
          await page.waitForLoadState("networkidle").catch(() => undefined);
          await expect(page.locator('[aria-busy="true"], [data-slot="skeleton"]')).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) problems.push(`${path}: scrollWidth ${scrollWidth} > ${width}\n    ${(await overflowReport(page)).join("\n    ")}`);
        }
        expect(problems, problems.join("\n")).toEqual([]);
      });
    }
  });
}
