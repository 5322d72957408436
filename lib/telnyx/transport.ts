import "server-only";
import http from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import zlib from "node:zlib";

/**
 * A lean `fetch` for the Telnyx SDK (its `fetch` option): node:http(s) over keep-alive agents,
 * the answer read whole into a standard Response. Node's global fetch (undici) costs about twice
 * the CPU per call, most of it in WHATWG streams and its wasm HTTP parser; the SDK's JSON calls
 * need none of that (it reads every answer whole anyway).
 *
 * It does what the SDK relies on: honours the AbortSignal (the SDK's timeout aborts it: the
 * request is destroyed and the promise rejects with the signal's reason, an AbortError), sends
 * the method, headers and a string/bytes body as given, follows redirects like fetch ("follow":
 * 303, and 301/302 after a POST, become a bodyless GET; credentials are dropped when the origin
 * changes; at most 20), or not ("manual", "error"), asks for and decodes gzip/deflate/br, and
 * fails like fetch: `TypeError("fetch failed", { cause })`, the socket error (ECONNREFUSED…) as
 * the cause. A GET whose reused keep-alive connection turns out closed by the server is sent
 * again once on a new one (nothing reached the server); a write never is. Anything else (a
 * Request object, a streamed or form body) goes to `fallback` (the global fetch).
 */
export interface TransportOptions {
  /** Idle keep-alive connections are closed after this long (undici's default: 4 s); a shorter `Keep-Alive: timeout` from the server wins. */
  idleMs?: number;
  fallback?: typeof fetch;
}

const MAX_REDIRECTS = 20;
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Errors of a kept-alive connection that the server closed as it was reused: the request never arrived. */
const STALE_SOCKET_CODES = new Set(["ECONNRESET", "EPIPE"]);
const decoders: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  "x-gzip": promisify(zlib.gunzip),
  br: promisify(zlib.brotliDecompress),
  // Servers send "deflate" both zlib-wrapped (as specified) and raw; fetch accepts either.
  deflate: (b) => (b.length > 0 && (b[0]! & 0x0f) === 8 ? promisify(zlib.inflate)(b) : promisify(zlib.inflateRaw)(b)),
};

type Body = string | Uint8Array | undefined;

function plainBody(body: RequestInit["body"]): { ok: true; body: Body } | { ok: false } {
  if (body === undefined || body === null) return { ok: true, body: undefined };
  if (typeof body === "string" || body instanceof Uint8Array) return { ok: true, body };
  if (body instanceof ArrayBuffer) return { ok: true, body: new Uint8Array(body) };
  return { ok: false };
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  (headers instanceof Headers ? headers : new Headers(headers)).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });

interface Answer {
  status: number;
  statusText: string;
  rawHeaders: string[];
  body: Buffer;
}

export function createTransport(options: TransportOptions = {}): typeof fetch {
  const idleMs = options.idleMs ?? 4_000;
  const fallback = options.fallback ?? globalThis.fetch;
  const agents = {
    "http:": new http.Agent({ keepAlive: true, timeout: idleMs }),
    "https:": new https.Agent({ keepAlive: true, timeout: idleMs }),
  };

  /** One exchange: resolves with the whole (still encoded) answer. */
  function exchange(url: URL, method: string, headers: Record<string, string>, body: Body, signal: AbortSignal | undefined, retried = false): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const lib = url.protocol === "https:" ? https : http;
      let settled = false;
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        fn();
      };
      const req = lib.request(url, { method, headers, agent: agents[url.protocol as "http:" | "https:"] });
      function onAbort() {
        req.destroy();
        done(() => reject(abortReason(signal!)));
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && !retried && (method === "GET" || method === "HEAD") && STALE_SOCKET_CODES.has(error.code ?? "");
        done(() => (stale ? exchange(url, method, headers, body, signal, true).then(resolve, reject) : reject(fetchFailed(error))));
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => done(() => reject(fetchFailed(error))));
        res.on("aborted", () => done(() => reject(fetchFailed(new Error("the connection closed before the answer ended")))));
        res.on("end", () =>
          done(() =>
            resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", rawHeaders: res.rawHeaders, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }),
          ),
        );
      });
      req.end(body);
    });
  }

  async function decoded(answer: Answer, headers: Headers, method: string): Promise<Buffer | null> {
    if (method === "HEAD" || NULL_BODY_STATUSES.has(answer.status)) return null;
    const codings = (headers.get("content-encoding") ?? "")
      .split(",")
      .map((c) => c.trim().toLowerCase())
      .filter((c) => c && c !== "identity");
    let body = answer.body;
    if (body.length === 0) return body;
    for (const coding of codings.reverse()) {
      const decode = decoders[coding];
      if (!decode) return body; // an unknown coding is passed on as is, as fetch does
      try {
        body = await decode(body);
      } catch (error) {
        throw fetchFailed(error);
      }
    }
    return body;
  }

  return async function transport(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const given = plainBody(init.body);
    if (!(typeof input === "string" || input instanceof URL) || !given.ok) return fallback(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortReason(signal);
    let url: URL;
    try {
      url = new URL(input);
    } catch (error) {
      throw new TypeError("Invalid URL", { cause: error });
    }
    let method = (init.method ?? "GET").toUpperCase();
    const headers = headerRecord(init.headers);
    headers["accept-encoding"] ??= "gzip, deflate, br";
    let body = given.body;
    const redirect = init.redirect ?? "follow";

    for (let hops = 0; ; hops++) {
      if (signal?.aborted) throw abortReason(signal);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw fetchFailed(new Error(`unsupported scheme ${url.protocol}`));
      const answer = await exchange(url, method, headers, body, signal);
      let responseHeaders: Headers;
      try {
        responseHeaders = new Headers();
        for (let i = 0; i < answer.rawHeaders.length; i += 2) responseHeaders.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      } catch (error) {
        throw fetchFailed(error);
      }
      const location = REDIRECT_STATUSES.has(answer.status) ? responseHeaders.get("location") : null;
      if (location !== null && redirect !== "manual") {
        if (redirect === "error") throw fetchFailed(new Error(`redirected (${answer.status}) while redirect is "error"`));
        if (hops >= MAX_REDIRECTS) throw fetchFailed(new Error("too many redirects"));
        const next = new URL(location, url);
        if (next.origin !== url.origin) for (const name of ["authorization", "cookie", "proxy-authorization"]) delete headers[name];
        if (answer.status === 303 ? method !== "HEAD" : (answer.status === 301 || answer.status === 302) && method === "POST") {
          method = "GET";
          body = undefined;
          for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"]) delete headers[name];
        }
        url = next;
        continue;
      }
      // Node's buffers here are backed by an ArrayBuffer (never a SharedArrayBuffer).
      const payload = (await decoded(answer, responseHeaders, method)) as Uint8Array<ArrayBuffer> | null;
      let response: Response;
      try {
        response = new Response(payload, { status: answer.status, statusText: answer.statusText, headers: responseHeaders });
      } catch {
        // A reason phrase the Response constructor refuses: the status is what matters.
        try {
          response = new Response(payload, { status: answer.status, headers: responseHeaders });
        } catch (error) {
          throw fetchFailed(error);
        }
      }
      Object.defineProperty(response, "url", { value: url.href });
      if (hops > 0) Object.defineProperty(response, "redirected", { value: true });
      return response;
    }
  };
}
