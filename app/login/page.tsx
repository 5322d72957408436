import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { demoMode } from "@/lib/auth/bootstrap";
import { COOKIE_BLOCKED, safeNextPath } from "@/lib/auth/cookie";
import { getSessionUser } from "@/lib/auth/session";
import { countUsers } from "@/lib/auth/users";
import { secureCookieBlocked } from "@/lib/security/client";
import { LoginForm } from "./login-form";
import { loginErrorMessage } from "./messages";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Dynamic (reads the request), which the nonce-based CSP set by proxy.ts needs anyway.
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  const requestHeaders = await headers();
  if (await getSessionUser(requestHeaders)) redirect(next);
  const cookieBlocked = secureCookieBlocked(requestHeaders);
  const demo = demoMode();
  const noUsers = !demo && (await countUsers()) === 0;

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-surface p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="mb-5 mt-1 text-sm text-muted">Telnyx Billing dashboard</p>
        {cookieBlocked ? (
          <p role="alert" className="mb-4 rounded-md border border-danger p-3 text-sm text-danger">
            {COOKIE_BLOCKED}
          </p>
        ) : null}
        {demo ? (
          <p className="mb-4 rounded-md border border-border bg-bg p-3 text-sm">
            Demo data. Sign in as <strong>owner@demo.test</strong> or <strong>finance@demo.test</strong> with the password
            printed in the server&apos;s log when it started.
          </p>
        ) : null}
        {noUsers ? (
          <p className="mb-4 rounded-md border border-border bg-bg p-3 text-sm">
            No users exist yet. On the server, create the first owner with{" "}
            <code className="break-all">npm run users -- add --email you@example.com --role owner --password-stdin</code>
          </p>
        ) : null}
        <LoginForm next={next} initialError={loginErrorMessage(params.error)} />
      </div>
    </main>
  );
}
