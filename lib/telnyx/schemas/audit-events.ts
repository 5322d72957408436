import { z } from "zod";
import { inputDateTime, isoDateTime, listResponse, orderedWindows, pageNumber, pageSize, uuid } from "./common";

import { CHANGE_MADE_BY } from "@/lib/telnyx/contract";

export { CHANGE_MADE_BY };

// `from`/`to` may be any JSON value.
const jsonValue: z.ZodType<unknown> = z.unknown();

export const auditEventChange = z.object({ field: z.string().optional(), from: jsonValue, to: jsonValue });
export const auditEvent = z.object({
  id: uuid,
  user_id: z.string().optional(),
  record_type: z.string().optional(),
  resource_id: z.string().optional(),
  alternate_resource_id: z.string().nullable().optional(),
  change_made_by: z.enum(CHANGE_MADE_BY).optional(),
  changes: z.array(auditEventChange).nullable().optional(),
  organization_id: z.string().optional(),
  change_type: z.string().optional(),
  created_at: isoDateTime,
});
export type AuditEvent = z.infer<typeof auditEvent>;
export const auditEventListResponse = listResponse(auditEvent);

export const auditEventListQuery = z
  .object({
    page: pageNumber,
    size: pageSize(250),
    sort: z.enum(["asc", "desc"]).default("desc"),
    created_after: inputDateTime.optional(),
    created_before: inputDateTime.optional(),
  })
  .superRefine(orderedWindows([["created_after", "created_before"]]));
