// The billing settings forms' zod schemas and resolvers: the only zod the page needs, loaded on
// demand by ./lazy-forms.ts (when the browser is idle, a form takes focus, or first validates),
// so the page's first load carries none of it.
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { AutoRechargeFormValues } from "@/lib/billing/auto-recharge";
import { autoRechargeFormSchema } from "@/lib/billing/auto-recharge-schema";
import { paymentRequest, type PaymentRequest } from "@/lib/telnyx/schemas/payments";

export function autoRechargeResolver(saved: AutoRechargeFormValues): Resolver<AutoRechargeFormValues, unknown, AutoRechargeFormValues> {
  return zodResolver(autoRechargeFormSchema(saved));
}

export const paymentResolver: Resolver<PaymentRequest, unknown, PaymentRequest> = zodResolver(paymentRequest);

/** The amount a payment would be made for, or null while what is typed is not a valid amount. */
export function validPaymentAmount(typed: string): string | null {
  const result = paymentRequest.safeParse({ amount: typed });
  return result.success ? result.data.amount : null;
}
