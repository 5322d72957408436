import { Badge } from "@/components/ui/badge";

/** What "Unpaid" means, said beside the list (and in the badge's tooltip). */
export const UNPAID_MEANING =
  "Unpaid: Telnyx has not marked the invoice settled. On a prepaid account the charges are taken from your balance as they happen, so an unpaid invoice usually needs no payment; only a negative balance is money owed.";

export function PaidBadge({ paid }: { paid: boolean }) {
  return paid ? (
    <Badge tone="success">Paid</Badge>
  ) : (
    <Badge tone="warning" title={UNPAID_MEANING}>
      Unpaid<span className="sr-only"> (not marked settled by Telnyx; see the note above the list)</span>
    </Badge>
  );
}
