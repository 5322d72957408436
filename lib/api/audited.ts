import "server-only";
import { recordAction } from "@/lib/action-log";
import type { SessionUser } from "@/lib/auth/session";
import { ApiError, isOutcomeUnknown } from "./errors";

/**
 * Runs a write and records it in the dashboard's action log with who did it and how it ended,
 * failures included: Telnyx's own audit log only ever sees the API key.
 */
export async function audited<T>(user: SessionUser, action: string, params: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    await recordAction({ user, action, params, outcome: "success" });
    return result;
  } catch (error) {
    await recordAction({
      user,
      action,
      params,
      outcome: isOutcomeUnknown(error) ? "unknown" : "failure",
      error: error instanceof ApiError ? error.message : "internal error",
    });
    throw error;
  }
}
