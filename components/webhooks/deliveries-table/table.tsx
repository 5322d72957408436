// One page of webhook deliveries.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Table, TableBody, TableCaption, TableHeader } from "@/components/ui/table";
import type { PaginationMeta } from "@/lib/telnyx/schemas/common";
import type { WebhookDelivery } from "@/lib/telnyx/schemas/webhook-deliveries";
import { DeliveryHeaderRow, DeliveryRow } from "./columns";

export function DeliveriesTable({
  deliveries,
  meta,
  busy,
  stale,
  endpoint,
}: {
  deliveries: readonly WebhookDelivery[];
  meta: PaginationMeta | undefined;
  busy: boolean;
  stale: boolean;
  /** An endpoint URL the list is filtered by: each row marks its attempts to it. */
  endpoint?: string;
}) {
  return (
    <ScrollRegion label="Webhook deliveries (scrolls sideways)" aria-busy={busy}>
      <Table>
        <TableCaption>Webhook deliveries{meta ? `, page ${meta.page_number} of ${meta.total_pages}` : ""}</TableCaption>
        <TableHeader>
          <DeliveryHeaderRow />
        </TableHeader>
        <TableBody className={stale ? "opacity-60" : undefined}>
          {deliveries.map((d) => (
            <DeliveryRow key={d.id} d={d} endpoint={endpoint} />
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
