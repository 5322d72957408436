import { Badge } from "@/components/ui/badge";
import { runOperation } from "@/lib/telnyx/run";

/**
 * The account's currency, from the balance read. A server component the layout renders inside
 * <Suspense>: the shell never waits on Telnyx for it, and when the read fails the badge is simply
 * left out (the overview's balance card shows the error).
 */
export async function CurrencyBadge() {
  let currency: string | null;
  try {
    currency = (await runOperation("balance", {})).data.currency;
  } catch {
    currency = null;
  }
  return currency ? <Badge title="Account currency">{currency}</Badge> : null;
}
