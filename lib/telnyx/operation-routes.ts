// Where each Telnyx operation is reached through the dashboard, and which reads a write makes
// stale. No zod and no SDK here: this is the part of the operation table the browser needs, so
// client bundles stay small (./operation-specs.ts adds schemas, roles and cache policy).
export const operationRoutes = {
  balance: { method: "GET", path: "/api/balance" },
  chargesSummary: { method: "GET", path: "/api/charges/summary" },
  chargesBreakdown: { method: "GET", path: "/api/charges/breakdown" },
  invoices: { method: "GET", path: "/api/invoices" },
  invoice: { method: "GET", path: "/api/invoices/{id}" },
  invoiceLink: { method: "GET", path: null },
  auditEvents: { method: "GET", path: "/api/audit-events" },
  webhookDeliveries: { method: "GET", path: "/api/webhook-deliveries" },
  webhookDelivery: { method: "GET", path: "/api/webhook-deliveries/{id}" },
  detailRecords: { method: "GET", path: "/api/detail-records" },
  userTags: { method: "GET", path: "/api/user-tags" },
  autoRecharge: { method: "GET", path: "/api/auto-recharge" },
  updateAutoRecharge: { method: "PATCH", path: "/api/auto-recharge", invalidates: ["autoRecharge", "auditEvents"] },
  createPayment: { method: "POST", path: "/api/payments", invalidates: ["balance", "auditEvents"] },
} as const;

export type OperationName = keyof typeof operationRoutes;
export type ReadOperation = { [N in OperationName]: (typeof operationRoutes)[N]["method"] extends "GET" ? N : never }[OperationName];
