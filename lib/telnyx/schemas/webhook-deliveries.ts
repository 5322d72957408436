import { z } from "zod";
import { inputDateTime, isoDateTime, listResponse, optionalText, orderedWindows, pageNumber, pageSize, uuid } from "./common";

import { DELIVERY_STATUSES, WEBHOOK_PAGE_CAP } from "@/lib/telnyx/contract";

export { DELIVERY_STATUSES, WEBHOOK_PAGE_CAP };

/** Headers come as [name, value] pairs. */
const headers = z.array(z.array(z.string()));

export const attempt = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  started_at: isoDateTime.optional(),
  finished_at: isoDateTime.optional(),
  http: z
    .object({
      request: z.object({ url: z.string().optional(), headers: headers.optional() }).optional(),
      response: z
        .object({ status: z.number().int().optional(), headers: headers.optional(), body: z.string().optional() })
        .nullable()
        .optional(),
    })
    .optional(),
  errors: z.array(z.number().int()).optional(),
});
export type WebhookAttempt = z.infer<typeof attempt>;

export const webhookDelivery = z.object({
  id: uuid,
  user_id: z.string().optional(),
  record_type: z.string().optional(),
  status: z.enum(DELIVERY_STATUSES),
  webhook: z
    .object({
      record_type: z.literal("event").optional(),
      event_type: z.string().optional(),
      id: z.string().optional(),
      occurred_at: isoDateTime.optional(),
      payload: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  started_at: isoDateTime.optional(),
  finished_at: isoDateTime.optional(),
  attempts: z.array(attempt).optional(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export const webhookDeliveryListResponse = listResponse(webhookDelivery);
export const webhookDeliveryResponse = z.object({ data: webhookDelivery });
export const webhookDeliveryIdInput = z.object({ id: uuid });

const eventTypeList = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.]+(,[A-Za-z0-9_.]+)*$/, "must be event types separated by commas, such as call.initiated,message.sent")
  .max(500)
  .optional();

export const webhookDeliveryListQuery = z
  .object({
    page: pageNumber,
    size: pageSize(WEBHOOK_PAGE_CAP),
    status: z.enum(DELIVERY_STATUSES).optional(),
    event_type: eventTypeList,
    webhook_contains: optionalText(200),
    attempts_contains: optionalText(200),
    started_at_gte: inputDateTime.optional(),
    started_at_lte: inputDateTime.optional(),
    finished_at_gte: inputDateTime.optional(),
    finished_at_lte: inputDateTime.optional(),
  })
  .superRefine(
    orderedWindows([
      ["started_at_gte", "started_at_lte"],
      ["finished_at_gte", "finished_at_lte"],
    ]),
  );
