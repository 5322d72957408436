// Addresses the server must not be made to reach on someone's say-so: loopback, private,
// link-local (cloud metadata at 169.254.169.254), shared, multicast, reserved; IPv6 likewise, and
// IPv4-mapped IPv6 as a whole. Used by invoice downloads (lib/invoices/download.ts) and alert
// webhooks (lib/alerts).
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const INTERNAL = new BlockList();
for (const [net, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const)
  INTERNAL.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["64:ff9b::", 96], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const)
  INTERNAL.addSubnet(net, bits, "ipv6");

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return INTERNAL.check(address, "ipv4");
  // BlockList would match IPv4 ranges against ::ffff:a.b.c.d too; refuse mapped addresses outright.
  if (new URL(`http://[${address}]`).hostname.startsWith("[::ffff:")) return true;
  return INTERNAL.check(address, "ipv6");
}

export type Resolver = (hostname: string) => Promise<string[]>;
export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why a URL's host may not be reached ("resolves to a private address", "could not be resolved"),
 * or null when every address it resolves to is public.
 */
export async function internalHostReason(url: URL, resolve: Resolver = systemResolver): Promise<string | null> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(hostname) ? [hostname] : await resolve(hostname);
  } catch {
    return `${url.hostname} could not be resolved`;
  }
  if (addresses.length === 0) return `${url.hostname} could not be resolved`;
  return addresses.some(isInternalAddress) ? `${url.hostname} is a private, loopback or link-local address` : null;
}
