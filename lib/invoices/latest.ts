// The overview's "latest invoices": one upstream page, newest first. Its own module: the invoices
// page's filters (./filters.ts) bring nuqs, which the overview has no use for.
export const LATEST_INVOICES = { page: 1, size: 5, sort: "-period_start" } as const;
