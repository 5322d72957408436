import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import Telnyx, { APIConnectionError, APIConnectionTimeoutError, InternalServerError } from "telnyx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTransport } from "./transport";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: net.Socket;
}

const servers: net.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    (s as http.Server).closeAllConnections?.();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function listen<S extends net.Server>(server: S): Promise<{ server: S; origin: string }> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, origin: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

/** A test server: records each request, answers with `answer`. */
async function serve(answer: (seen: Seen, res: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const sockets = new Set<net.Socket>();
  const { server, origin } = await listen(
    http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const s = { method: req.method!, url: req.url!, headers: req.headers, body, socket: req.socket };
        seen.push(s);
        answer(s, res);
      });
    }),
  );
  server.on("connection", (s) => sockets.add(s));
  return { origin, seen, sockets };
}

const json = (res: http.ServerResponse, status: number, data: unknown, headers: http.OutgoingHttpHeaders = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(data));
};

describe("createTransport", () => {
  it("sends the method, headers and query, and answers with status, headers, body and url", async () => {
    const up = await serve((s, res) => json(res, 200, { got: s.url }, { "x-request-id": "r1" }));
    const transport = createTransport();
    const res = await transport(`${up.origin}/v2/balance?filter%5Ba%5D=1`, { headers: new Headers({ Authorization: "Bearer k", Accept: "application/json" }) });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(res.url).toBe(`${up.origin}/v2/balance?filter%5Ba%5D=1`);
    expect(await res.json()).toEqual({ got: "/v2/balance?filter%5Ba%5D=1" });
    expect(up.seen[0]!.method).toBe("GET");
    expect(up.seen[0]!.headers.authorization).toBe("Bearer k");
    expect(up.seen[0]!.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("sends a string body with its length", async () => {
    const up = await serve((s, res) => json(res, 201, { echo: JSON.parse(s.body) }));
    const res = await createTransport()(`${up.origin}/v2/x`, { method: "post", headers: { "content-type": "application/json" }, body: '{"a":"1.50"}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ echo: { a: "1.50" } });
    expect(up.seen[0]!.method).toBe("POST");
    expect(up.seen[0]!.headers["content-length"]).toBe("12");
  });

  it("keeps the connection alive between calls", async () => {
    const up = await serve((_s, res) => json(res, 200, {}));
    const transport = createTransport();
    for (let i = 0; i < 3; i++) await (await transport(`${up.origin}/a`)).text();
    expect(up.seen).toHaveLength(3);
    expect(up.sockets.size).toBe(1);
  });

  it("lets an answer take longer than the idle timeout (it closes idle connections only)", async () => {
    const up = await serve((_s, res) => setTimeout(() => json(res, 200, { slow: true }), 300));
    const res = await createTransport({ idleMs: 100 })(`${up.origin}/slow`);
    expect(await res.json()).toEqual({ slow: true });
  });

  it("closes a connection left idle past idleMs", async () => {
    const up = await serve((_s, res) => json(res, 200, {}));
    await (await createTransport({ idleMs: 100 })(`${up.origin}/a`)).text();
    const [socket] = [...up.sockets];
    // Well before the server's own keep-alive timeout (5 s) would close it.
    const closed = await Promise.race([new Promise((r) => socket!.once("close", () => r(true))), new Promise((r) => setTimeout(() => r(false), 2_000))]);
    expect(closed).toBe(true);
  });

  it.each([
    ["gzip", zlib.gzipSync],
    ["br", zlib.brotliCompressSync],
    ["deflate", zlib.deflateSync],
    ["deflate", zlib.deflateRawSync],
  ] as const)("decodes a %s answer", async (coding, encode) => {
    const up = await serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
      res.end(encode(Buffer.from(JSON.stringify({ amount: "12.30" }))));
    });
    expect(await (await createTransport()(`${up.origin}/z`)).json()).toEqual({ amount: "12.30" });
  });

  it("fails like fetch on a body that does not decode", async () => {
    const up = await serve((_s, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("not gzip at all");
    });
    await expect(createTransport()(`${up.origin}/z`)).rejects.toThrow(TypeError);
  });

  it("answers 204 with no body", async () => {
    const up = await serve((_s, res) => {
      res.writeHead(204);
      res.end();
    });
    const res = await createTransport()(`${up.origin}/d`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it("follows redirects; a 303 after a POST becomes a GET without the body", async () => {
    const up = await serve((s, res) => {
      if (s.url === "/one") return (res.writeHead(307, { location: "/two" }), res.end());
      if (s.url === "/post") return (res.writeHead(303, { location: "/done" }), res.end());
      json(res, 200, { at: s.url, method: s.method, body: s.body });
    });
    const t = createTransport();
    const followed = await t(`${up.origin}/one`);
    expect(await followed.json()).toEqual({ at: "/two", method: "GET", body: "" });
    expect(followed.redirected).toBe(true);
    expect(followed.url).toBe(`${up.origin}/two`);
    const posted = await t(`${up.origin}/post`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await posted.json()).toEqual({ at: "/done", method: "GET", body: "" });
    expect(up.seen.at(-1)!.headers["content-type"]).toBeUndefined();
  });

  it("drops credentials on a redirect to another origin", async () => {
    const other = await serve((s, res) => json(res, 200, { auth: s.headers.authorization ?? null }));
    const up = await serve((_s, res) => (res.writeHead(302, { location: `${other.origin}/elsewhere` }), res.end()));
    const res = await createTransport()(`${up.origin}/x`, { headers: { authorization: "Bearer secret" } });
    expect(await res.json()).toEqual({ auth: null });
  });

  it("returns a redirect as is with redirect: manual, and refuses endless ones", async () => {
    const up = await serve((s, res) => (res.writeHead(302, { location: s.url + "x" }), res.end()));
    const t = createTransport();
    const manual = await t(`${up.origin}/a`, { redirect: "manual" });
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe("/ax");
    await expect(t(`${up.origin}/a`)).rejects.toThrow("fetch failed");
    await expect(t(`${up.origin}/a`, { redirect: "error" })).rejects.toThrow("fetch failed");
  });

  it("rejects with the signal's AbortError and closes the connection when aborted before the answer", async () => {
    const up = await serve(() => {}); // never answers
    const controller = new AbortController();
    const pending = createTransport()(`${up.origin}/hang`, { signal: controller.signal });
    await vi.waitFor(() => expect(up.seen).toHaveLength(1));
    const closed = new Promise((r) => up.seen[0]!.socket.once("close", r));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await closed;
  });

  it("rejects when aborted while the body arrives, and at once when already aborted", async () => {
    const up = await serve((_s, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":['); // and never ends
    });
    const controller = new AbortController();
    const t = createTransport();
    const pending = t(`${up.origin}/slow`, { signal: controller.signal });
    await vi.waitFor(() => expect(up.seen).toHaveLength(1));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect(t(`${up.origin}/slow`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(up.seen).toHaveLength(1);
  });

  it("fails with the socket error as the cause when nothing listens", async () => {
    const { server, origin } = await listen(net.createServer());
    servers.splice(servers.indexOf(server), 1);
    await new Promise<void>((r) => server.close(() => r()));
    const error = await createTransport()(`${origin}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect(((error as TypeError).cause as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });

  it("fails when the connection closes in the middle of the body", async () => {
    const up = await serve((s, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"data":');
      setTimeout(() => s.socket.destroy(), 10);
    });
    await expect(createTransport()(`${up.origin}/cut`)).rejects.toThrow("fetch failed");
  });

  /** A raw server that answers the first request of each connection and resets the connection on the second. */
  async function resettingServer() {
    let connections = 0;
    const { origin } = await listen(
      net.createServer((socket) => {
        connections++;
        let requests = 0;
        socket.on("data", () => {
          if (++requests === 1) socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}");
          else socket.resetAndDestroy();
        });
        socket.on("error", () => {});
      }),
    );
    return { origin, connections: () => connections };
  }

  it("sends a GET again on a new connection when the kept-alive one was closed under it", async () => {
    const up = await resettingServer();
    const t = createTransport({ idleMs: 200 });
    expect((await t(`${up.origin}/a`)).status).toBe(200);
    expect((await t(`${up.origin}/b`)).status).toBe(200);
    expect(up.connections()).toBe(2);
  });

  it("never sends a write twice", async () => {
    const up = await resettingServer();
    const t = createTransport();
    await (await t(`${up.origin}/a`)).text();
    await expect(t(`${up.origin}/pay`, { method: "POST", body: "{}" })).rejects.toThrow("fetch failed");
    expect(up.connections()).toBe(1);
  });

  it("hands a Request object or a streamed body to the fallback", async () => {
    const fallback = vi.fn(async () => new Response("fallback"));
    const t = createTransport({ fallback: fallback as unknown as typeof fetch });
    await t(new Request("http://127.0.0.1:1/x"));
    await t("http://127.0.0.1:1/y", { method: "POST", body: new ReadableStream(), duplex: "half" } as RequestInit);
    expect(fallback).toHaveBeenCalledTimes(2);
  });
});

describe("the SDK over createTransport", () => {
  const client = (origin: string) => new Telnyx({ apiKey: "k", baseURL: `${origin}/v2`, maxRetries: 0, logLevel: "off", fetch: createTransport() });

  it("reads an answer and sees an upstream error's status and body", async () => {
    const up = await serve((s, res) =>
      s.url!.startsWith("/v2/balance") ? json(res, 200, { data: { balance: "10.00" } }) : json(res, 503, { errors: [{ code: "10011", title: "down" }] }),
    );
    const ok = await client(up.origin).balance.retrieve().asResponse();
    expect(await ok.json()).toEqual({ data: { balance: "10.00" } });
    const failed = await client(up.origin).auditEvents.list().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(InternalServerError);
    expect((failed as InternalServerError).status).toBe(503);
    expect(up.seen[0]!.headers.authorization).toBe("Bearer k");
  });

  it("times out through the signal (the SDK's timeout)", async () => {
    const up = await serve(() => {});
    const error = await client(up.origin).balance.retrieve({ timeout: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("reports a refused connection as a connection error whose cause says so", async () => {
    const { server, origin } = await listen(net.createServer());
    servers.splice(servers.indexOf(server), 1);
    await new Promise<void>((r) => server.close(() => r()));
    const error = await client(origin).balance.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(((error as { cause?: { cause?: { code?: string } } }).cause?.cause)?.code).toBe("ECONNREFUSED");
  });
});
