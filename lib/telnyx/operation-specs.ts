// The table of Telnyx operations the dashboard covers: one entry per operation, safe to import
// anywhere (no SDK, no key). Route handlers, server prefetch and client query options all derive
// from it; the SDK call of each entry lives server-side in ./operations.ts.
import { z } from "zod";
import { ALL_ROLES, OWNER_ONLY, type Role } from "@/lib/auth/roles";
import { operationRoutes, type OperationName } from "./operation-routes";
import { autoRechargePrefsResponse, autoRechargeUpdate } from "./schemas/auto-recharge";
import { auditEventListQuery, auditEventListResponse } from "./schemas/audit-events";
import { balanceResponse } from "./schemas/balance";
import { chargesBreakdownResponse, chargesRange, chargesSummaryResponse } from "./schemas/charges";
import { detailRecordListQuery, detailRecordListResponse } from "./schemas/detail-records";
import {
  invoiceDetailResponse,
  invoiceIdInput,
  invoiceLinkResponse,
  invoiceListQuery,
  invoiceListResponse,
} from "./schemas/invoices";
import { paymentRequest, paymentResponse } from "./schemas/payments";
import { userTagsQuery, userTagsResponse } from "./schemas/user-tags";
import {
  webhookDeliveryIdInput,
  webhookDeliveryListQuery,
  webhookDeliveryListResponse,
  webhookDeliveryResponse,
} from "./schemas/webhook-deliveries";

export interface OperationSpec {
  /** The dashboard's own API path for it (design.md §3); null when only the server uses it. */
  path: string | null;
  /** The Telnyx operation, as the contract names it. */
  telnyx: string;
  method: "GET" | "PATCH" | "POST";
  roles: readonly Role[];
  /** Everything the operation takes: path parameters, query and body, validated before any upstream call. */
  input: z.ZodType;
  response: z.ZodType;
  /** Reads only: how long a result may be served from the server's cache. 0 = never cached. */
  cacheTtlMs: number;
  /** Writes only: the reads whose cached results a success makes stale. */
  invalidates?: readonly string[];
  /** Writes only: what to tell the person when Telnyx never confirmed the write (it may have happened). */
  outcomeUnknown?: string;
}

const noInput = z.object({});

export const operationSpecs = {
  balance: {
    ...operationRoutes.balance,
    telnyx: "GET /balance",
    roles: ALL_ROLES,
    input: noInput,
    response: balanceResponse,
    cacheTtlMs: 10_000,
  },
  chargesSummary: {
    ...operationRoutes.chargesSummary,
    telnyx: "GET /charges_summary",
    roles: ALL_ROLES,
    input: chargesRange,
    response: chargesSummaryResponse,
    cacheTtlMs: 60_000,
  },
  chargesBreakdown: {
    ...operationRoutes.chargesBreakdown,
    telnyx: "GET /charges_breakdown",
    roles: ALL_ROLES,
    input: chargesRange,
    response: chargesBreakdownResponse,
    cacheTtlMs: 60_000,
  },
  invoices: {
    ...operationRoutes.invoices,
    telnyx: "GET /invoices",
    roles: ALL_ROLES,
    input: invoiceListQuery,
    response: invoiceListResponse,
    cacheTtlMs: 60_000,
  },
  invoice: {
    ...operationRoutes.invoice,
    telnyx: "GET /invoices/{id}",
    roles: ALL_ROLES,
    input: invoiceIdInput,
    response: invoiceDetailResponse,
    cacheTtlMs: 60_000,
  },
  // Download links expire: a fresh one for every download, never cached.
  invoiceLink: {
    ...operationRoutes.invoiceLink,
    telnyx: "GET /invoices/{id}?action=link",
    roles: ALL_ROLES,
    input: invoiceIdInput,
    response: invoiceLinkResponse,
    cacheTtlMs: 0,
  },
  auditEvents: {
    ...operationRoutes.auditEvents,
    telnyx: "GET /audit_events",
    roles: OWNER_ONLY,
    input: auditEventListQuery,
    response: auditEventListResponse,
    cacheTtlMs: 15_000,
  },
  webhookDeliveries: {
    ...operationRoutes.webhookDeliveries,
    telnyx: "GET /webhook_deliveries",
    roles: OWNER_ONLY,
    input: webhookDeliveryListQuery,
    response: webhookDeliveryListResponse,
    cacheTtlMs: 15_000,
  },
  webhookDelivery: {
    ...operationRoutes.webhookDelivery,
    telnyx: "GET /webhook_deliveries/{id}",
    roles: OWNER_ONLY,
    input: webhookDeliveryIdInput,
    response: webhookDeliveryResponse,
    cacheTtlMs: 60_000,
  },
  detailRecords: {
    ...operationRoutes.detailRecords,
    telnyx: "GET /detail_records",
    roles: ALL_ROLES,
    input: detailRecordListQuery,
    response: detailRecordListResponse,
    cacheTtlMs: 30_000,
  },
  userTags: {
    ...operationRoutes.userTags,
    telnyx: "GET /user_tags",
    roles: ALL_ROLES,
    input: userTagsQuery,
    response: userTagsResponse,
    cacheTtlMs: 60_000,
  },
  autoRecharge: {
    ...operationRoutes.autoRecharge,
    telnyx: "GET /payment/auto_recharge_prefs",
    roles: ALL_ROLES,
    input: noInput,
    response: autoRechargePrefsResponse,
    cacheTtlMs: 10_000,
  },
  updateAutoRecharge: {
    ...operationRoutes.updateAutoRecharge,
    telnyx: "PATCH /payment/auto_recharge_prefs",
    roles: OWNER_ONLY,
    input: autoRechargeUpdate,
    response: autoRechargePrefsResponse,
    cacheTtlMs: 0,
    outcomeUnknown:
      "Telnyx did not confirm this change, so it may or may not have been saved. Check the current settings before changing them again.",
  },
  createPayment: {
    ...operationRoutes.createPayment,
    telnyx: "POST /payment/stored_payment_transactions",
    roles: OWNER_ONLY,
    input: paymentRequest,
    response: paymentResponse,
    cacheTtlMs: 0,
    outcomeUnknown: "Telnyx did not confirm this payment, so it may or may not have been charged. Check the balance before trying again.",
  },
} as const satisfies Record<OperationName, OperationSpec>;

export type { OperationName };
export type OperationInput<N extends OperationName> = z.output<(typeof operationSpecs)[N]["input"]>;
/** What a caller may pass before defaults are applied (e.g. a page number may be left out). */
export type OperationParams<N extends OperationName> = z.input<(typeof operationSpecs)[N]["input"]>;
export type OperationOutput<N extends OperationName> = z.output<(typeof operationSpecs)[N]["response"]>;
