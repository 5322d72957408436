// GET /api/ledger/audit-events — search over the kept audit log (lib/ledger/search-route.ts).
import { ledgerSearchRoute } from "@/lib/ledger/search-route";

export const GET = ledgerSearchRoute("audit_events");
