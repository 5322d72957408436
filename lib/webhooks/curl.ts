// "Copy as curl": the request Telnyx sent, as a command an engineer can replay against their own
// endpoint. Everything is single-quoted for POSIX shells, so nothing in it is interpreted.

/** Quotes a value for sh/bash/zsh: inside single quotes nothing is special except the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface CurlOptions {
  /** Replay against another URL (e.g. a local tunnel) instead of the original. */
  url?: string;
  /** Leave out Telnyx's signature headers (a replay's timestamp is stale, so a signature check fails anyway). */
  omitSignature?: boolean;
}

const SIGNATURE_HEADER = /^telnyx-(signature|timestamp)/i;
// curl computes these itself; sending the recorded ones would be wrong for the replayed body.
const COMPUTED_HEADER = /^(content-length|host|transfer-encoding|connection)$/i;

export function curlCommand(
  request: { url?: string; headers?: string[][] },
  body: string,
  options: CurlOptions = {},
): string {
  const url = options.url ?? request.url ?? "";
  const lines = [`curl -X POST ${shellQuote(url)}`];
  for (const pair of request.headers ?? []) {
    const { name, value } = headerPair(pair);
    if (!name || COMPUTED_HEADER.test(name)) continue;
    if (options.omitSignature && SIGNATURE_HEADER.test(name)) continue;
    lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`  --data-raw ${shellQuote(body)}`);
  return lines.join(" \\\n");
}

/** A recorded header as name and value; tolerates the "Name: value" single-string form. */
export function headerPair(pair: readonly string[]): { name: string; value: string } {
  const [first = "", ...rest] = pair;
  if (rest.length === 0 && first.includes(":")) {
    const at = first.indexOf(":");
    return { name: first.slice(0, at).trim(), value: first.slice(at + 1).trim() };
  }
  return { name: first, value: rest.join(", ") };
}
