import "server-only";
import type Telnyx from "telnyx";
import type { APIPromise } from "telnyx";
import type { OperationInput, OperationName } from "./operation-specs";

type RequestOptions = { timeout?: number; signal?: AbortSignal; maxRetries?: number };
type Call<N extends OperationName> = (client: Telnyx, input: OperationInput<N>, options: RequestOptions) => APIPromise<unknown>;

const page = (input: { page: number; size: number }) => ({ "page[number]": input.page, "page[size]": input.size });

// The SDK call behind each operation of ./operation-specs.ts. Paging goes as flat keys: a nested
// `page` object makes the SDK repeat the key on the next page (stack-notes).
export const operationCalls: { [N in OperationName]: Call<N> } = {
  balance: (c, _input, o) => c.balance.retrieve(o),
  chargesSummary: (c, input, o) => c.chargesSummary.retrieve(input, o),
  chargesBreakdown: (c, input, o) => c.chargesBreakdown.retrieve({ ...input, format: "json" }, o),
  invoices: (c, input, o) => c.invoices.list({ ...page(input), sort: input.sort }, o),
  invoice: (c, input, o) => c.invoices.retrieve(input.id, { action: "json" }, o),
  invoiceLink: (c, input, o) => c.invoices.retrieve(input.id, { action: "link" }, o),
  auditEvents: (c, input, o) =>
    c.auditEvents.list(
      { ...page(input), sort: input.sort, filter: { created_after: input.created_after, created_before: input.created_before } },
      o,
    ),
  webhookDeliveries: (c, input, o) =>
    c.webhookDeliveries.list(
      {
        ...page(input),
        filter: {
          status: input.status ? { eq: input.status } : undefined,
          event_type: input.event_type,
          webhook: input.webhook_contains ? { contains: input.webhook_contains } : undefined,
          attempts: input.attempts_contains ? { contains: input.attempts_contains } : undefined,
          started_at: { gte: input.started_at_gte, lte: input.started_at_lte },
          finished_at: { gte: input.finished_at_gte, lte: input.finished_at_lte },
        },
      },
      o,
    ),
  webhookDelivery: (c, input, o) => c.webhookDeliveries.retrieve(input.id, o),
  detailRecords: (c, input, o) =>
    c.detailRecords.list(
      {
        ...page(input),
        sort: [input.sort],
        // The SDK's type lacks the contract's dynamic last_N_days range.
        filter: {
          record_type: input.record_type,
          // An exact created_at window replaces the named range (which has a default).
          date_range: (input.created_at_gte || input.created_at_lt ? undefined : input.date_range) as "today",
          // Records hold tags as one comma-separated string: match a tag inside it, not the whole string.
          ...(input.tags ? { tags: { contains: input.tags } } : {}),
          ...(input.created_at_gte || input.created_at_lt
            ? { created_at: { gte: input.created_at_gte, lt: input.created_at_lt } }
            : {}),
        } as Record<string, unknown> as { record_type: typeof input.record_type },
      },
      o,
    ),
  userTags: (c, input, o) => c.userTags.list({ filter: { starts_with: input.starts_with } }, o),
  autoRecharge: (c, _input, o) => c.payment.autoRechargePrefs.list(o),
  updateAutoRecharge: (c, input, o) => c.payment.autoRechargePrefs.update(input, o),
  // The SDK's own method posts to /v2/v2/payment/... (see shared/telnyx/README.md): use the generic call.
  createPayment: (c, input, o) => c.post("/payment/stored_payment_transactions", { body: input, ...o }),
};
