// One page of webhook deliveries.
import { Table, TableBody, TableCaption, TableHeader } from "@/components/ui/table";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { DeliveryHeaderRow, DeliveryRow } from "./columns";

export function DeliveriesTable({ deliveries, meta, busy, stale }: { deliveries: readonly WebhookDelivery[]; meta: PaginationMeta | undefined; busy: boolean; stale: boolean }) {
  return (
    <div className="overflow-x-auto" aria-busy={busy}>
      <Table>
        <TableCaption>Webhook deliveries{meta ? `, page ${meta.page_number} of ${meta.total_pages}` : ""}</TableCaption>
        <TableHeader>
          <DeliveryHeaderRow />
        </TableHeader>
        <TableBody className={stale ? "opacity-60" : undefined}>
          {deliveries.map((d) => (
            <DeliveryRow key={d.id} d={d} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
