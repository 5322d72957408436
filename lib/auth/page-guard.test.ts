import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieHeader, useTempDatabase } from "../db/testing";
import { login } from "./login";
import { addUser } from "./users";

// Next's request and interrupt APIs, as seen from a server component.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));
const { requirePageUser } = await import("./page-guard");

useTempDatabase();
afterEach(() => {
  delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
});

async function signedInAs(role: "owner" | "finance") {
  const email = `${role}@example.com`;
  await addUser({ email, role, password: "page guard password" }).catch(() => undefined);
  const { setCookies } = await login(email, "page guard password", new Headers());
  request.headers = new Headers({ cookie: cookieHeader(setCookies), "x-dashboard-path": "/webhooks?status=failed" });
}

describe("requirePageUser", () => {
  it("redirects to /login?next=<page> without a session", async () => {
    request.headers = new Headers({ "x-dashboard-path": "/webhooks?status=failed" });
    await expect(requirePageUser()).rejects.toThrow("redirect /login?next=%2Fwebhooks%3Fstatus%3Dfailed");
  });

  it("returns the user when the role is allowed", async () => {
    await signedInAs("owner");
    await expect(requirePageUser(["owner"])).resolves.toMatchObject({ email: "owner@example.com", role: "owner" });
  });

  it("a wrong role gets forbidden() with authInterrupts, else a redirect to /?denied=1", async () => {
    await signedInAs("finance");
    await expect(requirePageUser(["owner"])).rejects.toThrow("redirect /?denied=1");
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    await expect(requirePageUser(["owner"])).rejects.toThrow("forbidden");
  });
});
