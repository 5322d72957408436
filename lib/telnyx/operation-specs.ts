// The table of Telnyx operations the dashboard covers: one entry per operation, safe to import
// anywhere (no SDK, no key). Route handlers, server prefetch and client query options all derive
// from it; the SDK call of each entry lives server-side in ./operations.ts.
import { z } from "zod";
import { ALL_ROLES, OWNER_ONLY, type Role } from "@/lib/auth/roles";
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
}

const noInput = z.object({});

export const operationSpecs = {
  balance: {
    path: "/api/balance",
    telnyx: "GET /balance",
    method: "GET",
    roles: ALL_ROLES,
    input: noInput,
    response: balanceResponse,
    cacheTtlMs: 10_000,
  },
  chargesSummary: {
    path: "/api/charges/summary",
    telnyx: "GET /charges_summary",
    method: "GET",
    roles: ALL_ROLES,
    input: chargesRange,
    response: chargesSummaryResponse,
    cacheTtlMs: 60_000,
  },
  chargesBreakdown: {
    path: "/api/charges/breakdown",
    telnyx: "GET /charges_breakdown",
    method: "GET",
    roles: ALL_ROLES,
    input: chargesRange,
    response: chargesBreakdownResponse,
    cacheTtlMs: 60_000,
  },
  invoices: {
    path: "/api/invoices",
    telnyx: "GET /invoices",
    method: "GET",
    roles: ALL_ROLES,
    input: invoiceListQuery,
    response: invoiceListResponse,
    cacheTtlMs: 60_000,
  },
  invoice: {
    path: "/api/invoices/{id}",
    telnyx: "GET /invoices/{id}",
    method: "GET",
    roles: ALL_ROLES,
    input: invoiceIdInput,
    response: invoiceDetailResponse,
    cacheTtlMs: 60_000,
  },
  // Download links expire: a fresh one for every download, never cached.
  invoiceLink: {
    path: null,
    telnyx: "GET /invoices/{id}?action=link",
    method: "GET",
    roles: ALL_ROLES,
    input: invoiceIdInput,
    response: invoiceLinkResponse,
    cacheTtlMs: 0,
  },
  auditEvents: {
    path: "/api/audit-events",
    telnyx: "GET /audit_events",
    method: "GET",
    roles: OWNER_ONLY,
    input: auditEventListQuery,
    response: auditEventListResponse,
    cacheTtlMs: 15_000,
  },
  webhookDeliveries: {
    path: "/api/webhook-deliveries",
    telnyx: "GET /webhook_deliveries",
    method: "GET",
    roles: OWNER_ONLY,
    input: webhookDeliveryListQuery,
    response: webhookDeliveryListResponse,
    cacheTtlMs: 15_000,
  },
  webhookDelivery: {
    path: "/api/webhook-deliveries/{id}",
    telnyx: "GET /webhook_deliveries/{id}",
    method: "GET",
    roles: OWNER_ONLY,
    input: webhookDeliveryIdInput,
    response: webhookDeliveryResponse,
    cacheTtlMs: 60_000,
  },
  detailRecords: {
    path: "/api/detail-records",
    telnyx: "GET /detail_records",
    method: "GET",
    roles: ALL_ROLES,
    input: detailRecordListQuery,
    response: detailRecordListResponse,
    cacheTtlMs: 30_000,
  },
  userTags: {
    path: "/api/user-tags",
    telnyx: "GET /user_tags",
    method: "GET",
    roles: ALL_ROLES,
    input: userTagsQuery,
    response: userTagsResponse,
    cacheTtlMs: 60_000,
  },
  autoRecharge: {
    path: "/api/auto-recharge",
    telnyx: "GET /payment/auto_recharge_prefs",
    method: "GET",
    roles: ALL_ROLES,
    input: noInput,
    response: autoRechargePrefsResponse,
    cacheTtlMs: 10_000,
  },
  updateAutoRecharge: {
    path: "/api/auto-recharge",
    telnyx: "PATCH /payment/auto_recharge_prefs",
    method: "PATCH",
    roles: OWNER_ONLY,
    input: autoRechargeUpdate,
    response: autoRechargePrefsResponse,
    cacheTtlMs: 0,
    invalidates: ["autoRecharge", "auditEvents"],
  },
  createPayment: {
    path: "/api/payments",
    telnyx: "POST /payment/stored_payment_transactions",
    method: "POST",
    roles: OWNER_ONLY,
    input: paymentRequest,
    response: paymentResponse,
    cacheTtlMs: 0,
    invalidates: ["balance", "auditEvents"],
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof operationSpecs;
export type OperationInput<N extends OperationName> = z.output<(typeof operationSpecs)[N]["input"]>;
/** What a caller may pass before defaults are applied (e.g. a page number may be left out). */
export type OperationParams<N extends OperationName> = z.input<(typeof operationSpecs)[N]["input"]>;
export type OperationOutput<N extends OperationName> = z.output<(typeof operationSpecs)[N]["response"]>;
