"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { ClippedText } from "@/components/ui/clipped-text";
import { TruncatedText } from "@/components/ui/truncated-text";
import { formatCount, formatDateTimeExact } from "@/lib/format";
import type { WebhookAttempt } from "@/lib/telnyx/schemas/webhook-deliveries";
import { curlCommand } from "@/lib/webhooks/curl";
import { durationMs, formatDuration, responseStatus } from "@/lib/webhooks/deliveries";
import { explainWebhookError, httpStatusHint } from "@/lib/webhooks/error-codes";
import { HeadersTable } from "./headers-table";

const BODY_PREVIEW_CHARS = 2_000;

function Attempt({ attempt, index, count, previous, body }: { attempt: WebhookAttempt; index: number; count: number; previous?: WebhookAttempt; body: string }) {
  const [omitSignature, setOmitSignature] = useState(false);
  const status = responseStatus(attempt);
  const response = attempt.http?.response;
  const request = attempt.http?.request;
  const gap = previous ? durationMs(previous.finished_at, attempt.started_at) : null;
  const delivered = attempt.status === "delivered";
  const curl = curlCommand(request ?? {}, body, { omitSignature });
  const headingId = `attempt-${index}-title`;
  return (
    <li className="relative pb-6 pl-8 last:pb-0" data-testid="attempt" data-status={attempt.status}>
      <span
        aria-hidden="true"
        className={`absolute left-1.5 top-1.5 h-3 w-3 rounded-full ring-4 ring-surface ${delivered ? "bg-success" : "bg-danger"}`}
      />
      <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-border p-3">
        <header className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={headingId} className="text-sm font-semibold">
            Attempt {index + 1} of {count}{" "}
            <Badge tone={delivered ? "success" : "danger"}>{attempt.status ?? "unknown"}</Badge>
          </h3>
          <p className="text-xs text-muted">
            {gap !== null ? `retried ${formatDuration(gap)} after the previous attempt · ` : ""}
            took {formatDuration(durationMs(attempt.started_at, attempt.finished_at))}
          </p>
        </header>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">Started</dt>
          <dd>
            {attempt.started_at ? (
              <>
                {formatDateTimeExact(attempt.started_at)} <span className="font-mono text-xs text-muted">({attempt.started_at})</span>
              </>
            ) : (
              "—"
            )}
          </dd>
          <dt className="text-muted">Target URL</dt>
          <dd className="flex min-w-0 items-center gap-1 font-mono text-xs">
            {request?.url ? <ClippedText text={request.url} label="URL" className="min-w-0" /> : "—"}
            {request?.url ? <CopyButton value={request.url} label="Copy URL" /> : null}
          </dd>
          <dt className="text-muted">Response</dt>
          <dd data-testid="attempt-response-status">
            {status !== null ? (
              <>
                <span className={`font-mono font-semibold ${status >= 200 && status < 300 ? "text-success" : "text-danger"}`}>HTTP {status}</span>{" "}
                <span className="text-xs text-muted">— {httpStatusHint(status)}</span>
              </>
            ) : (
              <span className="text-danger">No HTTP response received</span>
            )}
          </dd>
        </dl>

        {attempt.errors?.length ? (
          <div className="rounded-md border border-danger/40 bg-danger/5 p-2" data-testid="attempt-errors">
            <h4 className="text-xs font-semibold text-danger">Errors</h4>
            <ul className="mt-1 space-y-1 text-sm">
              {attempt.errors.map((code, i) => {
                const e = explainWebhookError(code, status);
                return (
                  <li key={`${code}-${i}`}>
                    <span className="font-mono text-xs">{code}</span> <span className="font-medium">{e.title}</span>
                    <span className="block text-xs text-muted">{e.detail}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}

        <details>
          <summary className="cursor-pointer text-sm font-medium">Request headers ({request?.headers?.length ?? 0})</summary>
          <div className="mt-1">
            <HeadersTable headers={request?.headers} caption={`Request headers of attempt ${index + 1}`} />
          </div>
        </details>
        {response ? (
          <>
            <details>
              <summary className="cursor-pointer text-sm font-medium">Response headers ({response.headers?.length ?? 0})</summary>
              <div className="mt-1">
                <HeadersTable headers={response.headers} caption={`Response headers of attempt ${index + 1}`} />
              </div>
            </details>
            <div>
              <h4 className="mb-1 text-sm font-medium">
                Response body{" "}
                <span className="text-xs font-normal text-muted">
                  ({formatCount(new TextEncoder().encode(response.body ?? "").length)} bytes; Telnyx keeps up to 10 kB; shown as text)
                </span>
              </h4>
              {response.body ? (
                <div data-testid="attempt-response-body">
                  <TruncatedText text={response.body} limit={BODY_PREVIEW_CHARS} block label="response body" />
                </div>
              ) : (
                <p className="text-xs text-muted">Empty body.</p>
              )}
            </div>
          </>
        ) : null}

        <div className="flex flex-wrap items-center gap-2 border-t border-border pt-2">
          <CopyButton value={curl} label="Copy as curl" />
          <label className="flex items-center gap-1 text-xs text-muted">
            <input type="checkbox" checked={omitSignature} onChange={(e) => setOmitSignature(e.target.checked)} />
            Leave out Telnyx signature headers
          </label>
          <details className="w-full">
            <summary className="cursor-pointer text-xs text-muted">Show the curl command</summary>
            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-bg p-2 font-mono text-xs" data-testid="curl-command">
              {curl}
            </pre>
            <p className="mt-1 text-xs text-muted">
              The body is the event as Telnyx sends it ({"{"}&quot;data&quot;: …{"}"}). A replay carries the original timestamp, so a signature check on your endpoint will reject it unless you skip verification for the test.
            </p>
          </details>
        </div>
      </article>
    </li>
  );
}

/** Every attempt of a delivery, oldest first, with request, response and errors. */
export function AttemptTimeline({ attempts, body }: { attempts: WebhookAttempt[]; body: string }) {
  if (!attempts.length) return <p className="text-sm text-muted">Telnyx recorded no attempts for this delivery.</p>;
  return (
    <ol className="relative before:absolute before:bottom-2 before:left-3 before:top-2 before:w-px before:bg-border" aria-label="Delivery attempts, oldest first">
      {attempts.map((a, i) => (
        <Attempt key={`${a.started_at}-${i}`} attempt={a} index={i} count={attempts.length} previous={attempts[i - 1]} body={body} />
      ))}
    </ol>
  );
}
