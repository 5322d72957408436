// A 422's problems by field (the body's JSON pointer "/name" → "name"), for forms that show each
// beside its control; what names no field is left in `other`.
import { ApiClientError } from "./fetcher";

export function fieldErrors(error: unknown): { fields: Record<string, string>; other: string | null } {
  if (!(error instanceof ApiClientError)) return { fields: {}, other: error instanceof Error ? error.message : null };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const item of error.items) {
    const field = item.source?.pointer?.replace(/^\//, "");
    if (field && !fields[field]) fields[field] = item.detail.replace(new RegExp(`^${field}: `), "");
    else if (!field) rest.push(item.detail);
  }
  return { fields, other: rest.join(" ") || (Object.keys(fields).length ? null : error.message) };
}
