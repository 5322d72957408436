"use client";

// API tokens: create one (shown once), list with prefix, creator, created, last use and address;
// revoke. Each user sees their own; owners everyone's.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/control-styles";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { PagedListState } from "@/components/ui/paged-list-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fieldErrors } from "@/lib/api/field-errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { invalidateActionLog } from "@/lib/query/invalidate";
import type { TokenInfo } from "@/lib/tokens/store";
import { tokensQuery } from "./queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

const when = (iso: string | null, none = "never") => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="text-muted">{none}</span>);
const STATUS_TONE = { active: "success", expired: "neutral", revoked: "danger" } as const;

function CreatedToken({ token, onDone }: { token: TokenInfo & { token: string }; onDone: () => void }) {
  return (
    <div role="status" className="rounded-md border border-success/40 bg-success/5 p-3 text-sm">
      <p className="font-semibold text-success">Token &ldquo;{token.name}&rdquo; created. Copy it now: it is not shown again.</p>
      <div className="mt-2 flex min-w-0 items-center gap-2">
        <code className="min-w-0 break-all rounded bg-bg px-2 py-1 text-xs" data-testid="new-token">
          {token.token}
        </code>
        <CopyButton value={token.token} label="Copy token" />
      </div>
      <p className="mt-2 text-muted">
        Send it as <code>Authorization: Bearer {token.prefix}…</code>. It acts as you, with the {token.role} role, {token.scope === "read" ? "read-only" : "read and write"}.
      </p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onDone}>
        Done, I saved it
      </Button>
    </div>
  );
}

function CreateTokenForm({ role }: { role: Role }) {
  const client = useQueryClient();
  const [created, setCreated] = useState<(TokenInfo & { token: string }) | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<{ data: TokenInfo & { token: string } }>("/api/tokens", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (reply) => setCreated(reply.data),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: tokensQuery.queryKey }), invalidateActionLog(client)]),
  });
  const errors = create.isError ? fieldErrors(create.error) : { fields: {} as Record<string, string>, other: null };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expires") ?? "");
    create.mutate({
      name: String(form.get("name") ?? ""),
      role: form.get("role"),
      scope: form.get("scope"),
      // A date means "until the end of that day, UTC".
      ...(expires ? { expires_at: `${expires}T23:59:59Z` } : {}),
    });
  };

  if (created) return <CreatedToken token={created} onDone={() => setCreated(null)} />;
  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="New API token" noValidate>
      <FormField label="Name" hint="What uses it, e.g. “nightly export”." error={errors.fields.name} className="sm:col-span-2">
        {(p) => <input {...p} name="name" className={inputClassName} maxLength={80} autoComplete="off" required />}
      </FormField>
      <FormField label="Role" hint={role === "finance" ? "No higher than yours." : "The token can do what this role can."} error={errors.fields.role}>
        {(p) => (
          <select {...p} name="role" className={`${controlClass} h-10 w-full px-2`} defaultValue="finance">
            <option value="finance">Finance (read billing data)</option>
            {role === "owner" ? <option value="owner">Owner</option> : null}
          </select>
        )}
      </FormField>
      <FormField label="Scope" hint="Read-only tokens may only make GET requests." error={errors.fields.scope}>
        {(p) => (
          <select {...p} name="scope" className={`${controlClass} h-10 w-full px-2`} defaultValue="read">
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        )}
      </FormField>
      <FormField label="Expires (optional)" hint="At the end of that day, UTC. Empty: until revoked." error={errors.fields.expires_at}>
        {(p) => <input {...p} type="date" name="expires" className={inputClassName} />}
      </FormField>
      <div className="flex items-end">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
      {errors.other ? (
        <p role="alert" className="text-sm text-danger sm:col-span-2">
          {errors.other}
        </p>
      ) : null}
    </form>
  );
}

function RevokeButton({ token }: { token: TokenInfo }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/tokens/${token.id}`, { method: "DELETE" }),
    onSuccess: () => setOpen(false),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: tokensQuery.queryKey }), invalidateActionLog(client)]),
  });
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} busy={revoke.isPending} title={`Revoke “${token.name}”?`} description="Scripts using it are refused from their next request, on every instance. This cannot be undone.">
        {revoke.isError ? (
          <p role="alert" className="text-sm text-danger">
            {(revoke.error as Error).message}
          </p>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={revoke.isPending}>
            Keep it
          </Button>
          <Button variant="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
            {revoke.isPending ? "Revoking…" : "Revoke token"}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function TokensTable({ showOwner }: { showOwner: boolean }) {
  const query = useQuery(tokensQuery);
  const tokens = query.data?.data ?? [];
  return (
    <PagedListState
      query={query}
      loadingLabel="API tokens"
      errorTitle="Couldn't load the API tokens"
      isEmpty={tokens.length === 0}
      noData={{ title: "No API tokens yet", body: "Create one above for a script; it is shown once." }}
    >
      <ScrollRegion label="API tokens">
        <Table>
          <TableCaption>API tokens</TableCaption>
          <TableHeader>
            <tr>
              <TableHead>Name</TableHead>
              <TableHead>Token</TableHead>
              <TableHead>Access</TableHead>
              {showOwner ? <TableHead>Created by</TableHead> : null}
              <TableHead>Created</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {tokens.map((t) => (
              <TableRow key={t.id} data-testid="token-row">
                <TableCell className="font-medium">{t.name}</TableCell>
                <TableCell>
                  <code className="text-xs">{t.prefix}…</code>
                </TableCell>
                <TableCell>
                  {t.role}, {t.scope === "read" ? "read only" : "read and write"}
                </TableCell>
                {showOwner ? <TableCell>{t.user_email}</TableCell> : null}
                <TableCell>{when(t.created_at)}</TableCell>
                <TableCell>{when(t.expires_at)}</TableCell>
                <TableCell>
                  {when(t.last_used_at)}
                  {t.last_address ? <span className="block text-xs text-muted">from {t.last_address}</span> : null}
                </TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[t.status]}>{t.status}</Badge>
                </TableCell>
                <TableCell align="right">{t.status === "active" ? <RevokeButton token={t} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </PagedListState>
  );
}

export function TokensView({ role }: { role: Role }) {
  return (
    <div className="grid grid-cols-1 gap-4">
      <Card aria-labelledby="new-token-title">
        <CardHeader title={<span id="new-token-title">New API token</span>} description="For scripts: a token acts as you, limited to its role and scope, 600 requests a minute." />
        <CreateTokenForm role={role} />
      </Card>
      <Card aria-labelledby="tokens-title" className="p-0">
        <div className="p-4 pb-0">
          <CardHeader title={<span id="tokens-title">{role === "owner" ? "Everyone's tokens" : "Your tokens"}</span>} />
        </div>
        <TokensTable showOwner={role === "owner"} />
      </Card>
    </div>
  );
}
