// GET /user_tags
import { json } from "../http";
import { isObject } from "../query";
import type { Ctx } from "./common";

export function listUserTags(ctx: Ctx): Response {
  // The contract lists only 200 and 401 here, so a malformed filter is ignored rather than refused.
  const filter = isObject(ctx.query.filter) ? ctx.query.filter : undefined;
  const raw = filter?.starts_with;
  const prefix = (typeof raw === "string" ? raw : Array.isArray(raw) ? raw[raw.length - 1] : undefined)?.toLowerCase();
  const keep = (tags: string[]) => (prefix ? tags.filter((t) => t.toLowerCase().startsWith(prefix)) : [...tags]);
  const t = ctx.store.tags;
  return json(200, { data: { outbound_profile_tags: keep(t.outbound_profile_tags), number_tags: keep(t.number_tags) } });
}
