// The client's socket address and scheme, as private request headers. Next does not give route
// handlers the socket, and only fills X-Forwarded-For when a request has none (so a client can
// choose it). scripts/serve.mjs, which every start command runs through, calls stampClient on each
// request before Next sees it: any copy the client sent is dropped first. Plain ESM, no imports.
export const CLIENT_ADDRESS_HEADER = "x-dashboard-client-address";
export const CLIENT_PROTO_HEADER = "x-dashboard-client-proto";

/** @param {import("node:http").IncomingMessage} req */
export function stampClient(req) {
  const address = req.socket?.remoteAddress ?? "unknown";
  const proto = /** @type {{ encrypted?: boolean }} */ (req.socket)?.encrypted ? "https" : "http";
  const raw = req.rawHeaders;
  const kept = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name !== CLIENT_ADDRESS_HEADER && name !== CLIENT_PROTO_HEADER) kept.push(raw[i], raw[i + 1]);
  }
  raw.splice(0, raw.length, ...kept, CLIENT_ADDRESS_HEADER, address, CLIENT_PROTO_HEADER, proto);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  req.headers[CLIENT_PROTO_HEADER] = proto;
}
