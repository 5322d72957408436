// DELETE /api/tokens/{id} — revokes a token at once, on every instance (each request reads it
// again). Your own tokens; owners any. Sessions only.
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { revokeTokenAs } from "@/lib/tokens/api";
import { tokenIdParams } from "@/lib/tokens/schemas";

export const DELETE = apiRoute({ roles: ALL_ROLES, sessionsOnly: true, params: tokenIdParams }, async ({ user, params }) => ({
  data: await revokeTokenAs(user, params.id),
}));
