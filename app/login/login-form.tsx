"use client";

import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

const inputClass =
  "mt-1 block h-10 w-full rounded-md border border-border bg-surface px-3 text-fg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent";

/**
 * Posts JSON to /api/auth/login and, on 204, loads `next` in full (fresh server render with the
 * new cookie). Without JavaScript the same form posts natively and the route answers with a 303.
 */
export function LoginForm({ next, initialError }: { next: string; initialError: string | null }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const password = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.status === 204) {
        window.location.assign(next);
        return;
      }
      const body = (await res.json().catch(() => null)) as { errors?: { detail?: string }[] } | null;
      setError(body?.errors?.map((e) => e.detail).filter(Boolean).join(" ") || `Sign-in failed (HTTP ${res.status}).`);
    } catch {
      setError("Could not reach the dashboard's server. Check your connection and try again.");
    }
    setPending(false);
    if (password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }

  return (
    <form method="post" action="/api/auth/login" onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          ref={password}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </div>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-danger">
        {error}
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
