import "server-only";
import { APIConnectionError, APIError } from "telnyx";
import { ApiError, invalidInput, outcomeUnknown } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { upstream } from "./client";
import {
  operationSpecs,
  type OperationName,
  type OperationOutput,
  type OperationParams,
  type OperationSpec,
} from "./operation-specs";
import { operationCalls } from "./operations";
import { cachedRead, invalidateReads } from "./read-cache";
import { withReadRetries } from "./retry";
import { toApiError } from "./upstream-errors";

/** Per-attempt limits for upstream calls (tests shorten them). */
export const UPSTREAM_TIMEOUTS = { readMs: 10_000, writeMs: 20_000 };

export const cacheKey = (name: OperationName, input: unknown) => `${name}:${JSON.stringify(input)}`;

/** Parses input with the operation's schema: bad input is a 422 before anything goes upstream. */
export function parseOperationInput<N extends OperationName>(name: N, raw: unknown, where: "query" | "body" = "query") {
  const result = (operationSpecs[name].input as OperationSpec["input"]).safeParse(raw);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data as never;
}

/** One upstream call, its answer validated against the operation's response schema (no cache, no retry). */
export async function callOnce(name: OperationName, input: unknown, timeout: number): Promise<{ value: unknown; size: number }> {
  const spec: OperationSpec = operationSpecs[name];
  const call = operationCalls[name] as (c: unknown, i: unknown, o: object) => { asResponse(): Promise<Response> };
  const response = await call(upstream().client, input, { maxRetries: 0, timeout }).asResponse();
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    log.warn("telnyx.contract", { operation: spec.telnyx, problem: "body is not JSON" });
    throw new ApiError("upstream_contract", `Telnyx's answer to ${spec.telnyx} was not JSON.`);
  }
  const parsed = spec.response.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
      .join("; ");
    log.warn("telnyx.contract", { operation: spec.telnyx, issues: where });
    throw new ApiError("upstream_contract", `Telnyx's answer to ${spec.telnyx} did not match its published contract (${where}).`);
  }
  return { value: parsed.data, size: text.length };
}

/**
 * Runs one Telnyx operation by name: validates the input, then reads through the cache (coalesced,
 * retried with backoff) or writes exactly once (never retried; an unknown outcome says so).
 */
export async function runOperation<N extends OperationName>(
  name: N,
  rawInput: OperationParams<N>,
  where: "query" | "body" = "query",
  /** `cache: false` reads straight through (still retried): for bulk walks such as exports. */
  options: { cache?: boolean } = {},
): Promise<OperationOutput<N>> {
  const spec: OperationSpec = operationSpecs[name];
  const input = parseOperationInput(name, rawInput, where);

  if (spec.method === "GET") {
    const load = async () => {
      try {
        return await withReadRetries(() => callOnce(name, input, UPSTREAM_TIMEOUTS.readMs), undefined, { operation: name });
      } catch (error) {
        throw toApiError(error);
      }
    };
    if (spec.cacheTtlMs === 0 || options.cache === false) return (await load()).value as OperationOutput<N>;
    return cachedRead(cacheKey(name, input), spec.cacheTtlMs, load) as Promise<OperationOutput<N>>;
  }

  try {
    const { value } = await callOnce(name, input, UPSTREAM_TIMEOUTS.writeMs);
    await invalidateReads((spec.invalidates ?? []).map((n) => `${n}:`));
    return value as OperationOutput<N>;
  } catch (error) {
    const failure = writeFailure(error, spec);
    if (isOutcomeUnknownError(failure)) {
      // It may have happened: what reads showed before can no longer be trusted.
      await invalidateReads((spec.invalidates ?? []).map((n) => `${n}:`));
      log.error("telnyx.write_outcome_unknown", { operation: spec.telnyx, upstream: failure.items[0]?.meta?.upstream });
    }
    throw failure;
  }
}

const isOutcomeUnknownError = (error: ApiError) => error.code === "outcome_unknown";

/** Telnyx statuses that prove a write was refused before anything changed. */
const NOT_APPLIED_STATUSES = new Set([400, 401, 403, 404, 422, 429]);

/** The connection was refused: the request never left this machine. */
function neverSent(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause && typeof cause === "object" && depth < 4; depth++) {
    if ((cause as { code?: unknown }).code === "ECONNREFUSED") return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A failed write, by what it proves. A timeout, a dropped connection, a 5xx or a 2xx whose body
 * broke the contract leave it ambiguous (Telnyx may have applied it): "outcome unknown". A
 * definite refusal, or a request that was never sent, proves nothing changed (`notApplied`).
 */
function writeFailure(error: unknown, spec: OperationSpec): ApiError {
  const mapped = toApiError(error);
  const notApplied = () =>
    new ApiError(mapped.code, mapped.message, { items: mapped.items, headers: mapped.headers, status: mapped.status, notApplied: true });
  if (error instanceof APIConnectionError && neverSent(error)) return notApplied();
  if (["upstream_unavailable", "upstream_timeout", "upstream_contract"].includes(mapped.code))
    return outcomeUnknown(spec.outcomeUnknown, { upstream: mapped.message });
  if (error instanceof APIError && error.status !== undefined && NOT_APPLIED_STATUSES.has(error.status)) return notApplied();
  return mapped;
}
