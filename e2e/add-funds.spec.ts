import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import Big from "big.js";
import { test, expect, storageStateFor, sameOrigin } from "./fixtures";

const PAY_PATH = "/payment/stored_payment_transactions";

test.use({ storageState: storageStateFor("owner") });

async function balanceOf(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/balance");
  expect(res.status()).toBe(200);
  return (await res.json()).data.balance as string;
}

function pay(request: APIRequestContext, amount: unknown, key?: string) {
  return request.post("/api/payments", {
    data: { amount },
    headers: { ...sameOrigin, ...(key ? { "Idempotency-Key": key } : {}) },
  });
}

const addFunds = (page: Page) => page.getByRole("form", { name: "Add funds" });
const amountField = (page: Page) => addFunds(page).getByLabel(/^Amount/);
const confirmDialog = (page: Page) => page.getByRole("dialog");

async function openPage(page: Page) {
  await page.goto("/settings/billing");
  await expect(amountField(page)).toBeVisible();
  await expect(page.getByTestId("add-funds-balance")).toBeVisible();
}

/** Types an amount, opens the confirmation and returns its confirm button. */
async function startPayment(page: Page, amount: string) {
  await amountField(page).fill(amount);
  await addFunds(page).getByRole("button", { name: /^Add \$/ }).click();
  await expect(confirmDialog(page)).toBeVisible();
  return confirmDialog(page).getByRole("button", { name: /^Charge / });
}

test.beforeEach(async ({ page, sim }) => {
  // The confirmation names the stored method from the auto-recharge preference: make it known.
  const prefs = (await (await page.request.get("/api/auto-recharge")).json()).data;
  if (prefs.preference !== "credit_paypal") {
    const res = await page.request.patch("/api/auto-recharge", { data: { preference: "credit_paypal" }, headers: sameOrigin });
    expect(res.status()).toBe(200);
  }
  await sim.clearRequests();
});

test("adds funds end to end: confirmation, transaction, balance up by exactly the amount, listed with who", async ({ page, sim }) => {
  const before = await balanceOf(page.request);
  await openPage(page);
  await addFunds(page).getByRole("button", { name: "$50.00" }).click();
  await expect(amountField(page)).toHaveValue("50.00");
  await addFunds(page).getByRole("button", { name: "Add $50.00…" }).click();

  const dialog = page.getByRole("dialog", { name: "Charge $50.00 USD?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Telnyx will charge $50.00 USD to the PayPal/credit card stored on your Telnyx account");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Charge $50.00 USD" }).click();

  const result = page.getByRole("status").filter({ hasText: "Payment submitted to Telnyx." });
  await expect(result).toBeVisible();
  await expect(page.getByTestId("payment-transaction-id")).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(page.getByTestId("payment-amount")).toHaveText("$50.00");
  await expect(page.getByTestId("payment-status")).toHaveText("submitted for settlement");
  // The receipt and the list below call the same state by the same word.
  await expect(result).toContainText("Submitted");
  await expect(result.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(dialog).toBeHidden();

  const expected = new Big(before).plus("50.00").toFixed(2);
  expect(await balanceOf(page.request)).toBe(expected);
  await expect(page.getByTestId("add-funds-balance")).toHaveAttribute("title", `${expected} USD`);
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);

  const recent = page.getByRole("table", { name: /Payments made through the dashboard/ });
  await expect(recent.getByRole("row").nth(1)).toContainText("owner@e2e.test");
  await expect(recent.getByRole("row").nth(1)).toContainText("$50.00");
  await expect(recent.getByRole("row").nth(1)).toContainText("Submitted");
});

test("a double click on Charge reaches Telnyx once", async ({ page, sim }) => {
  const before = await balanceOf(page.request);
  await openPage(page);
  const charge = await startPayment(page, "12.34");
  await charge.dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Payment submitted" })).toBeVisible();
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);
  expect(await balanceOf(page.request)).toBe(new Big(before).plus("12.34").toFixed(2));
});

test("the same Idempotency-Key twice reaches Telnyx once and replays the first outcome", async ({ page, sim }) => {
  const before = await balanceOf(page.request);
  const key = crypto.randomUUID();
  const [a, b] = await Promise.all([pay(page.request, "7.00", key), pay(page.request, "7.00", key)]);
  const c = await pay(page.request, "7.00", key);
  for (const res of [a, b, c]) expect(res.status()).toBe(200);
  const ids = await Promise.all([a, b, c].map(async (r) => (await r.json()).data.id));
  expect(new Set(ids).size).toBe(1);
  expect([a, b].map((r) => r.headers()["idempotent-replayed"]).sort()).toEqual(["false", "true"]);
  expect(c.headers()["idempotent-replayed"]).toBe("true");
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);
  expect(await balanceOf(page.request)).toBe(new Big(before).plus("7.00").toFixed(2));

  // The same key for a different amount is refused, and nothing more reaches Telnyx.
  const other = await pay(page.request, "8.00", key);
  expect(other.status()).toBe(422);
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);
});

test("a payment without a valid Idempotency-Key is refused before Telnyx", async ({ page, sim }) => {
  for (const key of [undefined, "short", "has spaces in it, 1234567890"]) {
    const res = await pay(page.request, "10.00", key);
    expect(res.status(), String(key)).toBe(422);
    expect((await res.json()).errors[0].source).toEqual({ parameter: "Idempotency-Key" });
  }
  expect(await sim.count(PAY_PATH, "POST")).toBe(0);
});

for (const [typed, sent] of [
  ["200", "200.00"],
  ["200.5", "200.50"],
] as const) {
  test(`reads "${typed}" as ${sent}: the field, the confirmation and the request agree; the API stays strict`, async ({ page, sim }) => {
    await openPage(page);
    await amountField(page).fill(typed);
    await amountField(page).blur();
    await expect(amountField(page)).toHaveValue(sent);
    const charge = await startPayment(page, typed);
    await expect(confirmDialog(page)).toContainText(`$${sent}`);
    await sim.clearRequests();
    const posted = page.waitForRequest((r) => r.url().endsWith("/api/payments") && r.method() === "POST");
    await charge.click();
    expect((await posted).postDataJSON()).toEqual({ amount: sent });
    await expect(page.getByTestId("payment-amount")).toHaveText(`$${sent}`);
    expect(await sim.count(PAY_PATH, "POST")).toBe(1);

    // The API keeps its strict format: only the form is forgiving.
    const strict = await pay(page.request, typed, crypto.randomUUID());
    expect(strict.status()).toBe(422);
    expect(await sim.count(PAY_PATH, "POST")).toBe(1);
  });
}

for (const [amount, message] of [
  ["-5.00", "Must be an amount with dollars and cents, such as 25.00."],
  ["1e3", "Must be an amount with dollars and cents, such as 25.00."],
  ["0.00", "Must be at least 1.00."],
  ["99999999.00", "Must be at most 10000.00."],
  ["12.345", "Must be an amount with dollars and cents, such as 25.00."],
] as const) {
  test(`refuses ${amount} with a clear message; it never reaches Telnyx`, async ({ page, sim }) => {
    await openPage(page);
    await amountField(page).fill(amount);
    await addFunds(page).getByRole("button", { name: "Add funds…" }).click();
    await expect(addFunds(page).getByText(message)).toBeVisible();
    await expect(amountField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(confirmDialog(page)).toBeHidden();

    const res = await pay(page.request, amount, crypto.randomUUID());
    expect(res.status()).toBe(422);
    // The server says the same thing (the same schema), without the sentence's capital and full stop.
    expect((await res.json()).errors[0].detail).toBe(`amount: ${message[0]!.toLowerCase()}${message.slice(1, -1)}`);
    expect(await sim.count(PAY_PATH, "POST")).toBe(0);
  });
}

test("a number instead of a decimal string is refused by the API", async ({ page, sim }) => {
  expect((await pay(page.request, 12, crypto.randomUUID())).status()).toBe(422);
  expect(await sim.count(PAY_PATH, "POST")).toBe(0);
});

test("a timed-out payment says the outcome is unknown, and is not retried", async ({ page, sim }) => {
  test.setTimeout(90_000);
  await sim.fault({ path: PAY_PATH, method: "POST", hang: true, times: 1 });
  await openPage(page);
  const charge = await startPayment(page, "33.00");
  await charge.click();
  await expect(confirmDialog(page).getByRole("button", { name: "Charging…" })).toBeDisabled();

  const alert = page.getByRole("alert").filter({ hasText: "Outcome unknown" });
  await expect(alert).toBeVisible({ timeout: 40_000 });
  await expect(alert).toContainText("It may have been charged. Check your balance before trying again.");
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);

  // The intent is remembered: confirming the same amount again sends the same key, and the
  // server answers with the stored outcome instead of asking Telnyx again.
  await expect(page.getByTestId("pending-intents")).toContainText("A payment of $33.00");
  await (await startPayment(page, "33.00")).click();
  await expect(page.getByRole("alert").filter({ hasText: "Outcome unknown" })).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);

  // Once the user has checked, forgetting the intent lets a new payment go through.
  await page.getByRole("button", { name: /Forget it/ }).click();
  await expect(page.getByTestId("pending-intents")).toHaveCount(0);
  await (await startPayment(page, "33.00")).click();
  await expect(page.getByRole("status").filter({ hasText: "Payment submitted" })).toBeVisible();
  expect(await sim.count(PAY_PATH, "POST")).toBe(2);

  // The action log names the unknown one.
  const recent = page.getByRole("table", { name: /Payments made through the dashboard/ });
  await expect(recent.getByRole("row").nth(2)).toContainText("Outcome unknown");
});

test("a reload during a payment reuses its key: confirming again charges once", async ({ page, sim }) => {
  const before = await balanceOf(page.request);
  await sim.fault({ path: PAY_PATH, method: "POST", latencyMs: 2_500, times: 1 });
  await openPage(page);
  await (await startPayment(page, "21.00")).click();
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByTestId("pending-intents")).toContainText("A payment of $21.00");
  await (await startPayment(page, "21.00")).click();
  await expect(
    page.getByRole("status").filter({ hasText: "This payment had already been made: this is its original result. Nothing was charged again." }),
  ).toBeVisible();
  await expect(page.getByTestId("payment-amount")).toHaveText("$21.00");
  expect(await sim.count(PAY_PATH, "POST")).toBe(1);
  expect(await balanceOf(page.request)).toBe(new Big(before).plus("21.00").toFixed(2));
  await expect(page.getByTestId("pending-intents")).toHaveCount(0);
});

for (const [name, fault, title, text] of [
  [
    "Telnyx's 422 detail",
    { status: 422, body: { errors: [{ code: "10027", title: "Invalid amount format", detail: 'Amount must include dollars and cents (e.g. "120.00").', source: { pointer: "/" } }] } },
    "The payment was refused",
    'Amount must include dollars and cents (e.g. "120.00").',
  ],
  ["a 403 (the key lacks permission)", { status: 403 }, "Not allowed", "The dashboard's Telnyx API key lacks permission for this."],
  ["a 429", { status: 429, retryAfter: 9 }, "Too many requests", "Nothing was charged. Try again in 9 s."],
  ["Telnyx down (503)", { status: 503 }, "Outcome unknown", "Check your balance before trying again."],
] as const) {
  test(`${name} has its own message`, async ({ page, sim }) => {
    await openPage(page);
    await sim.fault({ path: PAY_PATH, method: "POST", times: 1, ...fault });
    await (await startPayment(page, "15.00")).click();
    const alert = page.getByRole("alert").filter({ hasText: title });
    await expect(alert).toContainText(text);
    await expect(confirmDialog(page)).toBeHidden();
    expect(await sim.count(PAY_PATH, "POST")).toBe(1);
    if (title === "Outcome unknown") await page.getByRole("button", { name: /Forget it/ }).click();
    else await expect(page.getByTestId("pending-intents")).toHaveCount(0);
  });
}

test("when the balance or the payment list can't be read, each says so and the rest still works", async ({ page, sim }) => {
  // A payment empties the dashboard's cached balance, so the next read really goes to Telnyx.
  expect((await pay(page.request, "1.00", crypto.randomUUID())).status()).toBe(200);
  await sim.fault({ path: "/balance", method: "GET", status: 403, times: 20 });
  let failList = true;
  await page.route(
    (url) => url.pathname === "/api/action-log",
    (route) =>
      failList
        ? route.fulfill({ status: 503, json: { errors: [{ code: "x", title: "Unavailable", detail: "The action log is unavailable." }] } })
        : route.continue(),
  );
  await page.goto("/settings/billing");
  await expect(addFunds(page)).toBeVisible();
  await expect(page.getByText("Current balance: could not be loaded")).toBeVisible();
  const listError = page.getByRole("alert").filter({ hasText: "Couldn't load recent payments" });
  await expect(listError).toContainText("The action log is unavailable.");
  failList = false;
  await listError.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("table", { name: /Payments made through the dashboard/ })).toBeVisible();
});

test("has no serious or critical accessibility violations, with the confirmation open too", async ({ page }) => {
  await openPage(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await startPayment(page, "10.00");
  const withDialog = await new AxeBuilder({ page }).analyze();
  expect(withDialog.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
