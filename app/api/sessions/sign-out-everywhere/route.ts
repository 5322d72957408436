// POST /api/sessions/sign-out-everywhere {"email"?} — ends every session of yourself, or (owners)
// of the user with that email, on every instance. Sessions only: a token cannot do it.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { signOutEverywhere } from "@/lib/auth/sign-out";

const body = z.strictObject({ email: z.email("must be an email address").optional() });

export const POST = apiRoute({ roles: ALL_ROLES, sessionsOnly: true, body }, async ({ user, body }) => ({
  data: await signOutEverywhere(user, body.email),
}));
