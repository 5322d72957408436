// What a script or the tokens page sends to create a token (one schema, both sides).
import { z } from "zod";
import { ROLES } from "../auth/roles";

export const TOKEN_NAME_MAX = 80;

export const tokenInput = z.strictObject({
  name: z.string().trim().min(1, "Give the token a name").max(TOKEN_NAME_MAX, `At most ${TOKEN_NAME_MAX} characters`),
  role: z.enum(ROLES, { error: "role must be owner or finance" }),
  scope: z.enum(["read", "write"], { error: "scope must be read or write" }),
  expires_at: z.iso.datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z" }).nullish(),
});
export type TokenInput = z.infer<typeof tokenInput>;

export const tokenIdParams = z.object({ id: z.string().regex(/^tok_[0-9a-f-]{36}$/, "Unknown token id") });
