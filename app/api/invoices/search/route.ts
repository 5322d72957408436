// GET /api/invoices/search?year&paid&page&size — invoices filtered by year and paid state, newest
// first, paged by the server (Telnyx's /invoices has no filters: the server reads all its pages).
import { apiRoute } from "@/lib/api/handler";
import { ALL_ROLES } from "@/lib/auth/roles";
import { invoiceSearchQuery } from "@/lib/invoices/schemas";
import { searchInvoices } from "@/lib/invoices/list";

export const GET = apiRoute({ roles: ALL_ROLES, query: invoiceSearchQuery }, ({ query }) => searchInvoices(query));
