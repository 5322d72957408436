"use client";

// Sessions: sign out everywhere (yourself), or, for an owner, another user by email.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { fieldErrors } from "@/lib/api/field-errors";
import { apiFetch } from "@/lib/api/fetcher";

type Reply = { data: { email: string; sessions_ended: number } };
const signOut = (email?: string) => apiFetch<Reply>("/api/sessions/sign-out-everywhere", { method: "POST", body: JSON.stringify(email ? { email } : {}) });

export function SessionsCard({ isOwner }: { isOwner: boolean }) {
  const self = useMutation({
    mutationFn: () => signOut(),
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- signed out: a full load to the sign-in page drops the client's cache
    onSuccess: () => window.location.assign("/login"),
  });
  const other = useMutation({ mutationFn: signOut });
  const [email, setEmail] = useState("");
  const otherErrors = other.isError ? fieldErrors(other.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    other.mutate(email.trim());
  };
  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader
        title={<span id="sessions-title">Sessions</span>}
        description="A session ends after 2 hours without activity, or 7 days after signing in. API tokens are not sessions: revoke them above."
      />
      <div className="space-y-4">
        <div>
          <Button variant="secondary" onClick={() => self.mutate()} disabled={self.isPending}>
            {self.isPending ? "Signing out…" : "Sign out everywhere"}
          </Button>
          <p className="mt-1 text-xs text-muted">Ends every session of yours, on every device, this one included.</p>
          {self.isError ? (
            <p role="alert" className="text-sm text-danger">
              {(self.error as Error).message}
            </p>
          ) : null}
        </div>
        {isOwner ? (
          <form onSubmit={submit} aria-label="Sign out a user everywhere" className="flex flex-wrap items-end gap-2">
            <FormField label="User's email" error={otherErrors?.fields.email} className="min-w-64 flex-1">
              {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} className={inputClassName} autoComplete="off" />}
            </FormField>
            <Button type="submit" variant="secondary" disabled={other.isPending || !email.trim()}>
              {other.isPending ? "Signing out…" : "Sign this user out everywhere"}
            </Button>
            {otherErrors?.other ? (
              <p role="alert" className="w-full text-sm text-danger">
                {otherErrors.other}
              </p>
            ) : null}
            {other.data ? (
              <p role="status" className="w-full text-sm text-success">
                {other.data.data.email} was signed out of {other.data.data.sessions_ended} {other.data.data.sessions_ended === 1 ? "session" : "sessions"}.
              </p>
            ) : null}
          </form>
        ) : null}
      </div>
    </Card>
  );
}
