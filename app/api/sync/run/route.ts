// POST /api/sync/run {"stream"?} — "Sync now" (owners, same-origin): every instance's worker picks
// the request up on its next tick. 202 {"data":{"queued":[streams]}}; an unknown stream is a 422.
import { ApiError, invalidInput } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { OWNER_ONLY } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { STREAMS } from "@/lib/ledger/config";
import { requestRun } from "@/lib/ledger/runner";
import { syncRunBody } from "@/lib/ledger/schemas";

export const POST = apiRoute({ roles: OWNER_ONLY }, async ({ req }) => {
  // The body is optional: none (or {}) queues every stream.
  const text = await req.text();
  if (text.length > 1024) throw new ApiError("invalid_input", "The request body is too large.");
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError("invalid_input", "The request body is not valid JSON.");
    }
  }
  const parsed = syncRunBody.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "body");
  const queued = parsed.data.stream ? [parsed.data.stream] : [...STREAMS];
  await requestRun(await db(), queued);
  return Response.json({ data: { queued } }, { status: 202, headers: { "cache-control": "private, no-store" } });
});
