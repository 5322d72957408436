// GET /api/ledger/webhook-deliveries — search over the kept deliveries (lib/ledger/search-route.ts).
import { ledgerSearchRoute } from "@/lib/ledger/search-route";

export const GET = ledgerSearchRoute("webhook_deliveries");
