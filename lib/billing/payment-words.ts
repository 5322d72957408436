// One vocabulary for a payment's state, shared by the add-funds receipt and the recent-payments
// list (and anything else that shows a payment), so the same state is never called two things.

import { PAYMENT_PREFERENCES } from "@/lib/telnyx/contract";

export type PaymentPreference = (typeof PAYMENT_PREFERENCES)[number];

/** How each way of paying is named in a sentence ("we charge your …"). */
export const PREFERENCE_LABELS: Record<PaymentPreference, string> = {
  credit_paypal: "PayPal/credit card",
  ach: "bank account (ACH)",
};

export type PaymentState = "submitted" | "refused" | "unknown";

export const PAYMENT_STATE_WORDS: Record<PaymentState, { label: string; tone: "success" | "danger" | "warning"; meaning: string }> = {
  submitted: {
    label: "Submitted",
    tone: "success",
    meaning: "Telnyx accepted the charge and sent it to the payment processor; the balance shows it once it settles.",
  },
  refused: { label: "Refused", tone: "danger", meaning: "Telnyx refused the payment: nothing was charged." },
  unknown: {
    label: "Outcome unknown",
    tone: "warning",
    meaning: "No answer arrived from Telnyx: check the balance before trying again.",
  },
};

/** The action log's outcome of a payment, in the payment's words. */
export function paymentStateOfOutcome(outcome: string): PaymentState {
  return outcome === "success" ? "submitted" : outcome === "failure" ? "refused" : "unknown";
}

/** Telnyx's processor status ("submitted_for_settlement") as words ("submitted for settlement"). */
export function processorStatusWords(status: string | undefined): string {
  return status ? status.replace(/_/g, " ") : "not reported";
}
