import { Badge } from "@/components/ui/badge";

export function PaidBadge({ paid }: { paid: boolean }) {
  return paid ? <Badge tone="success">Paid</Badge> : <Badge tone="warning">Unpaid</Badge>;
}
