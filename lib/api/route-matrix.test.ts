// The access matrix, generated from the files under app/api and the operation table, so a new
// route cannot be left unprotected: every route answers 401 without a session and refuses roles
// it is not for with 403 — or the test fails and asks for the route to be placed in the matrix.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ALL_ROLES, OWNER_ONLY, type Role } from "@/lib/auth/roles";
import { operationSpecs } from "@/lib/telnyx/operation-specs";
import { callRoute, session, useSimUpstream, users } from "./testing/sim-harness";

vi.mock("@/lib/auth/session", async () => {
  const harness = await import("./testing/sim-harness");
  return { getSessionUser: async () => harness.session.user };
});

useSimUpstream();

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const SAMPLE_ID = "5b3c1d1e-8f0a-4c55-9d53-3f4b2a1c0e99";

/** Routes that need no session, and why. */
const PUBLIC: Record<string, string> = {
  "POST /api/auth/login": "signing in",
  "POST /api/auth/logout": "signing out ends whatever session there is",
  "GET /api/health": "liveness; says nothing secret",
};

/** Routes that are not a single operation of the table: who may call them. */
const OTHER_ROUTES: Record<string, readonly Role[]> = {
  "GET /api/action-log": OWNER_ONLY,
  "POST /api/payments": OWNER_ONLY,
  "GET /api/payments": ALL_ROLES,
  "GET /api/payments.csv": ALL_ROLES,
  "GET /api/reconciliation": ALL_ROLES,
  "GET /api/month-close": ALL_ROLES,
  "POST /api/month-close": ALL_ROLES,
  "GET /api/month-close/{file}": ALL_ROLES,
  "GET /api/exports/focus": ALL_ROLES,
  "GET /api/costs/by-tag": ALL_ROLES,
  "GET /api/charges/monthly": ALL_ROLES,
  "GET /api/charges/summary.csv": ALL_ROLES,
  "GET /api/charges/breakdown.csv": ALL_ROLES,
  "GET /api/charges/breakdown/rows": ALL_ROLES,
  "GET /api/invoices/{id}/pdf": ALL_ROLES,
  "GET /api/invoices/zip": ALL_ROLES,
  "POST /api/invoices/zip": ALL_ROLES,
  "GET /api/invoices/search": ALL_ROLES,
  "GET /api/detail-records/export": ALL_ROLES,
  "GET /api/webhook-deliveries/health": OWNER_ONLY,
  "GET /api/sync/status": OWNER_ONLY,
  "POST /api/sync/run": OWNER_ONLY,
  "GET /api/history/balance": ALL_ROLES,
  "GET /api/history/daily-spend": ALL_ROLES,
  "GET /api/history/daily-spend/export": ALL_ROLES,
  "GET /api/ledger/audit-events": OWNER_ONLY,
  "GET /api/ledger/webhook-deliveries": OWNER_ONLY,
  "GET /api/alerts/rules": ALL_ROLES,
  "POST /api/alerts/rules": OWNER_ONLY,
  "PATCH /api/alerts/rules/{id}": OWNER_ONLY,
  "DELETE /api/alerts/rules/{id}": OWNER_ONLY,
  "POST /api/alerts/rules/{id}/test": OWNER_ONLY,
  "GET /api/alerts/events": ALL_ROLES,
  "POST /api/alerts/evaluate": OWNER_ONLY,
  "GET /api/tokens": ALL_ROLES,
  "POST /api/tokens": ALL_ROLES,
  "DELETE /api/tokens/{id}": ALL_ROLES,
  "GET /api/approvals": OWNER_ONLY,
  "GET /api/approvals/policy": OWNER_ONLY,
  "PUT /api/approvals/policy": OWNER_ONLY,
  "GET /api/approvals/{id}": OWNER_ONLY,
  "POST /api/approvals/{id}/approve": OWNER_ONLY,
  "POST /api/approvals/{id}/reject": OWNER_ONLY,
  "POST /api/approvals/{id}/cancel": OWNER_ONLY,
  "POST /api/sessions/sign-out-everywhere": ALL_ROLES,
};

function routeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join(dir, f));
}

const routes = await Promise.all(
  routeFiles(API_DIR).map(async (file) => {
    const urlPath = "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    return METHODS.filter((m) => typeof mod[m] === "function").map((method) => ({
      key: `${method} ${urlPath.replace(/\[(\w+)\]/g, "{$1}")}`,
      method,
      concretePath: urlPath.replace(/\[(\w+)\]/g, SAMPLE_ID),
      params: Object.fromEntries([...urlPath.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, SAMPLE_ID])),
      handler: mod[method] as Parameters<typeof callRoute>[0],
    }));
  }),
).then((r) => r.flat());

function rolesFor(key: string): readonly Role[] | "public" | undefined {
  if (PUBLIC[key]) return "public";
  if (OTHER_ROUTES[key]) return OTHER_ROUTES[key];
  const spec = Object.values(operationSpecs).find((s) => s.path && `${s.method} ${s.path}` === key);
  return spec?.roles;
}

describe("route access matrix", () => {
  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(routes.map((r) => [r.key, r] as const))("%s is in the matrix", (key) => {
    expect(rolesFor(key), `add ${key} to the matrix in lib/api/route-matrix.test.ts`).toBeDefined();
  });

  for (const route of routes) {
    const roles = rolesFor(route.key);
    if (!roles || roles === "public") continue;
    const body = route.method === "GET" ? undefined : {};

    it(`${route.key}: 401 without a session`, async () => {
      session.user = null;
      const res = await callRoute(route.handler, route.concretePath, { method: route.method, body, params: route.params });
      expect(res.status).toBe(401);
      expect(res.json.errors[0].code).toBe("unauthorized");
    });

    for (const role of ["owner", "finance"] as const) {
      const allowed = roles.includes(role);
      it(`${route.key}: ${role} is ${allowed ? "let through" : "refused with 403"}`, async () => {
        session.user = users[role];
        const res = await callRoute(route.handler, route.concretePath, { method: route.method, body, params: route.params });
        if (allowed) expect([401, 403]).not.toContain(res.status);
        else expect(res.status).toBe(403);
      });
    }
  }
});

describe("pages", () => {
  const pages = fs
    .readdirSync(path.join(process.cwd(), "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx" && !f.startsWith("login"));

  it.each(pages)("app/%s checks the session and role itself", (file) => {
    const source = fs.readFileSync(path.join(process.cwd(), "app", file), "utf8");
    expect(source).toMatch(/requirePageUser\(pageRoles\(/);
  });
});
