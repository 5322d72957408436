// GET /api/user-tags?starts_with — the account's number and outbound-profile tags.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("userTags");
