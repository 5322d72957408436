import "server-only";
// Who is asking, and over what: from the private headers scripts/serve.mjs stamps from the socket,
// or, when the operator set TRUST_PROXY=N, from the Nth X-Forwarded-For / X-Forwarded-Proto entry
// from the right (the one the outermost trusted proxy wrote). Used by the login throttle, the
// action log and the session cookie's Secure choice.
import { serverEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER } from "./client-headers.mjs";

export interface ClientAddress {
  address: string;
  /** Where it came from, for the log. "none": the server was started without scripts/serve.mjs. */
  from: "socket" | "x-forwarded-for" | "none";
}

const entries = (value: string | null) => value?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];

export function clientAddress(headers: Headers, trustProxy = serverEnv().TRUST_PROXY): ClientAddress {
  if (trustProxy > 0) {
    const forwarded = entries(headers.get("x-forwarded-for")).at(-trustProxy);
    if (forwarded) return { address: forwarded, from: "x-forwarded-for" };
  }
  const socket = headers.get(CLIENT_ADDRESS_HEADER);
  return socket ? { address: socket, from: "socket" } : { address: "unknown", from: "none" };
}

/** Whether the browser reached the dashboard over HTTPS (at the outermost trusted proxy). */
export function requestIsHttps(headers: Headers, trustProxy = serverEnv().TRUST_PROXY): boolean {
  if (trustProxy > 0) {
    const protos = entries(headers.get("x-forwarded-proto"));
    const proto = protos.at(-trustProxy) ?? protos[0];
    if (proto) return proto.toLowerCase() === "https";
  }
  return headers.get(CLIENT_PROTO_HEADER) === "https";
}

/** COOKIE_SECURE: 1 always, 0 never, auto from the request's scheme. */
export function wantsSecureCookies(headers: Headers, env = serverEnv()): boolean {
  if (env.COOKIE_SECURE === "auto") return requestIsHttps(headers, env.TRUST_PROXY);
  return env.COOKIE_SECURE === "1";
}

/**
 * True when the session cookie would be Secure but the page came over plain HTTP from a host
 * that is not loopback: the browser will silently drop the cookie, so sign-in cannot work.
 */
export function secureCookieBlocked(headers: Headers, env = serverEnv()): boolean {
  if (!wantsSecureCookies(headers, env) || requestIsHttps(headers, env.TRUST_PROXY)) return false;
  const host = (headers.get("host") ?? "").replace(/:\d+$/, "").toLowerCase();
  return !["localhost", "127.0.0.1", "[::1]"].includes(host);
}
