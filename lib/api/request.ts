// Reading what the browser sent, before any validation. Kept apart from the route wrapper so
// routes that don't touch Telnyx (login) don't load the Telnyx client.
import { ApiError } from "./errors";

const MAX_BODY_BYTES = 16 * 1024;

export function searchParamsObject(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

export async function readJsonBody(req: Request): Promise<unknown> {
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    throw new ApiError("invalid_input", "The request body must be JSON (Content-Type: application/json).");
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError("invalid_input", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_input", "The request body is not valid JSON.");
  }
}
