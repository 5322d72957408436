// GET /api/detail-records?record_type&date_range&page&size — one page of usage detail records.
import { operationRoute } from "@/lib/api/handler";

export const GET = operationRoute("detailRecords");
