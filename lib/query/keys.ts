// Every React Query key of the dashboard is built here, and nowhere else: the client's queryOptions
// (./operation-query.ts, ./dashboard-queries.ts), the server's prefetch (./server.ts and the pages)
// and every invalidation (./invalidate.ts) go through this factory. Keys are nested so that a
// prefix names a family: ["telnyx", "auditEvents"] is every cached page and filter of that read,
// ["dashboard", "actionLog"] every view of the dashboard's own action log.
import type { OperationName } from "@/lib/telnyx/operation-routes";
import type { OperationParams } from "@/lib/telnyx/operation-specs";

/** Reads the dashboard computes itself (from Telnyx reads or its own database), by name. */
export type DashboardRead = "invoiceSearch" | "chargesMonthly" | "chargesBreakdown" | "actionLog" | "webhookHealth" | "alerts" | "syncStatus" | "history" | "ledger" | "payments" | "close" | "approvals" | "tokens";

export interface InvoiceSearchKeyParams {
  year: number | null;
  paid: "paid" | "unpaid" | null;
  page: number;
  size: number;
}

export interface BreakdownKeyParams {
  start_date: string;
  end_date: string;
  q: string;
  sort: string;
  /** How many rows; undefined: all of them. */
  limit?: number;
}

export interface ActionLogKeyParams {
  user?: string;
  action?: string;
  page: number;
  size: number;
}

export const queryKeys = {
  /** Telnyx reads, one family per operation of the table (lib/telnyx/operation-routes.ts). */
  telnyx: {
    all: () => ["telnyx"] as const,
    operation: <N extends OperationName>(name: N) => ["telnyx", name] as const,
    read: <N extends OperationName>(name: N, params: OperationParams<N>) => ["telnyx", name, params] as const,
    /** An infinite list of a paged read (its params without `page`). */
    pages: <N extends OperationName>(name: N, params: Omit<OperationParams<N>, "page">) => ["telnyx", name, params, "pages"] as const,
  },
  /** The dashboard's own reads (computed on the server from several Telnyx pages, or from its database). */
  dashboard: {
    all: () => ["dashboard"] as const,
    family: (name: DashboardRead) => ["dashboard", name] as const,
    invoiceSearch: (p: InvoiceSearchKeyParams) => ["dashboard", "invoiceSearch", { year: p.year, paid: p.paid, page: p.page, size: p.size }] as const,
    chargesMonthly: (months: number) => ["dashboard", "chargesMonthly", { months }] as const,
    chargesBreakdown: (p: BreakdownKeyParams) =>
      ["dashboard", "chargesBreakdown", { start_date: p.start_date, end_date: p.end_date, q: p.q, sort: p.sort, limit: p.limit ?? null }] as const,
    actionLog: (p: ActionLogKeyParams) => ["dashboard", "actionLog", p] as const,
    webhookHealth: (window: { from: string; to: string }) => ["dashboard", "webhookHealth", window] as const,
    /** Alert rules and events: one family, since a change to a rule changes both. */
    alertRules: () => ["dashboard", "alerts", "rules"] as const,
    alertEvents: () => ["dashboard", "alerts", "events"] as const,
    syncStatus: () => ["dashboard", "syncStatus"] as const,
    /** Approval requests (all, or one state) and the policy: one family, as an approval can change the policy. */
    approvals: (status: "pending" | "all") => ["dashboard", "approvals", "list", status] as const,
    approvalPolicy: () => ["dashboard", "approvals", "policy"] as const,
    tokens: () => ["dashboard", "tokens"] as const,
    /** The ledger's history (UTC days, from inclusive, to exclusive). */
    balanceHistory: (from: string, to: string) => ["dashboard", "history", "balance", { from, to }] as const,
    dailySpend: (from: string, to: string, groupBy: "record_type" | "tag") => ["dashboard", "history", "dailySpend", { from, to, groupBy }] as const,
    /** Top-ups in UTC days [from, to) (GET /api/payments). */
    payments: (from: string, to: string) => ["dashboard", "payments", { from, to }] as const,
    /** Month close: the closed months, a month's reconciliation, cost by tag. */
    monthCloses: () => ["dashboard", "close", "months"] as const,
    reconciliation: (month: string) => ["dashboard", "close", "reconciliation", { month }] as const,
    costByTag: (from: string, to: string) => ["dashboard", "close", "costByTag", { from, to }] as const,
    /** A search over the dashboard's kept copy of a stream. */
    keptSearch: (stream: "audit-events" | "webhook-deliveries", s: { q: string; from: string; to: string; page: number }) =>
      ["dashboard", "ledger", stream, s] as const,
  },
} as const;
