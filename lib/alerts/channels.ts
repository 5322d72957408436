// Sending one outbox message to one channel: email through SMTP_URL (nodemailer), webhooks signed
// per Standard Webhooks (the `standardwebhooks` package; Slack-compatible {"text"} bodies for
// incoming-webhook URLs), or the server log. A webhook URL's host is resolved again at delivery
// time and refused when it now points inside (unless ALERTS_ALLOW_PRIVATE_URLS=1). Errors are our
// own words: never a transport's text, which could carry headers or credentials.
import { Webhook } from "standardwebhooks";
import { log } from "../log";
import { DeliveryError, type OutboxMessage, type Sender } from "../outbox";
import { internalHostReason, type Resolver } from "../security/internal-address";
import { privateUrlsAllowed, type StoredChannel } from "./store";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface SenderDeps {
  smtpUrl?: string;
  from?: string;
  fetch?: typeof fetch;
  resolve?: Resolver;
}

function emailSender(deps: SenderDeps): Sender {
  return async (channel, message, meta) => {
    const c = channel as Extract<StoredChannel, { type: "email" }>;
    if (!deps.smtpUrl) throw new DeliveryError("Email is not configured: set SMTP_URL on the dashboard's server.");
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(deps.smtpUrl);
    try {
      await transport.sendMail({
        from: deps.from ?? "Telnyx billing dashboard <alerts@localhost>",
        to: c.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // The same id on a re-send after a crash: mail systems and people can see it is one message.
        messageId: `<${meta.id}@telnyx-billing-dashboard>`,
      });
    } catch (e) {
      const code = (e as { responseCode?: number; code?: string }).responseCode ?? (e as { code?: string }).code;
      throw new DeliveryError(`The SMTP server did not accept the message${code ? ` (${code})` : ""}.`);
    } finally {
      transport.close();
    }
  };
}

function webhookSender(deps: SenderDeps): Sender {
  return async (channel, message, meta) => {
    const c = channel as Extract<StoredChannel, { type: "webhook" }>;
    const url = new URL(c.url);
    if (!privateUrlsAllowed()) {
      const reason = await internalHostReason(url, deps.resolve);
      if (reason) throw new DeliveryError(`Refused: ${reason}.`);
    }
    const body = JSON.stringify(c.format === "slack" ? { text: message.text } : message.payload);
    const timestamp = new Date(meta.now);
    const headers = {
      "content-type": "application/json",
      "user-agent": "telnyx-billing-dashboard-alerts",
      "webhook-id": meta.id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": new Webhook(c.secret).sign(meta.id, timestamp, body),
    };
    let res: Response;
    try {
      // Never follow redirects: the checked address is the one we post to.
      res = await (deps.fetch ?? fetch)(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    } catch (e) {
      const timeout = (e as Error)?.name === "TimeoutError";
      throw new DeliveryError(timeout ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.` : "The receiver could not be reached.");
    }
    await res.body?.cancel();
    if (res.status < 200 || res.status > 299) throw new DeliveryError(`The receiver answered HTTP ${res.status}.`);
  };
}

const logSender: Sender = async (_channel, message: OutboxMessage, meta) => {
  log.warn("alert", { id: meta.id, subject: message.subject, payload: message.payload });
};

export function senders(deps: SenderDeps = { smtpUrl: process.env.SMTP_URL, from: process.env.SMTP_FROM }): Record<string, Sender> {
  return { email: emailSender(deps), webhook: webhookSender(deps), log: logSender };
}
