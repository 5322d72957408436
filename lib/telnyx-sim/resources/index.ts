// One module per resource of the contract; the router in ../index.ts maps operations to these.
export type { Ctx } from "./common";
export { listAuditEvents } from "./audit-events";
export { getBalance } from "./balance";
export { getChargesBreakdown, getChargesSummary } from "./charges";
export { searchDetailRecords } from "./detail-records";
export { getInvoice, getInvoiceFile, listInvoices } from "./invoices";
export { createStoredPayment, getAutoRecharge, updateAutoRecharge } from "./payments";
export { listUserTags } from "./user-tags";
export { getWebhookDelivery, listWebhookDeliveries } from "./webhook-deliveries";
