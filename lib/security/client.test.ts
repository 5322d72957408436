import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "../env-schema.mjs";
import { clientAddress, requestIsHttps, secureCookieBlocked, wantsSecureCookies } from "./client";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER } from "./client-headers.mjs";

const h = (init: Record<string, string>) => new Headers(init);

describe("client address", () => {
  it("comes from the socket (the wrapper's header) unless TRUST_PROXY is set; a client's X-Forwarded-For is ignored", () => {
    const headers = h({ [CLIENT_ADDRESS_HEADER]: "198.51.100.9", "x-forwarded-for": "203.0.113.5" });
    expect(clientAddress(headers, 0)).toEqual({ address: "198.51.100.9", from: "socket" });
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.5" }), 0)).toEqual({ address: "unknown", from: "none" });
  });

  it("TRUST_PROXY=N reads the Nth X-Forwarded-For entry from the right", () => {
    const headers = h({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1" });
    expect(clientAddress(headers, 1).address).toBe("10.0.0.1");
    expect(clientAddress(headers, 2).address).toBe("203.0.113.5");
    // Fewer entries than proxies: the socket's address, never one the client could have chosen.
    expect(clientAddress(h({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "10.0.0.1" }), 3)).toEqual({ address: "10.0.0.2", from: "socket" });
  });
});

describe("COOKIE_SECURE", () => {
  const env = (COOKIE_SECURE: string, TRUST_PROXY = "0") => parseServerEnv({ COOKIE_SECURE, TRUST_PROXY });
  const plain = h({ host: "192.168.1.20:3000", [CLIENT_PROTO_HEADER]: "http", "x-forwarded-proto": "https" });
  const tls = h({ host: "billing.example", [CLIENT_PROTO_HEADER]: "https" });

  it("auto follows the request's scheme, and X-Forwarded-Proto only with TRUST_PROXY", () => {
    expect(wantsSecureCookies(plain, env("auto"))).toBe(false);
    expect(wantsSecureCookies(tls, env("auto"))).toBe(true);
    expect(wantsSecureCookies(plain, env("auto", "1"))).toBe(true);
    expect(requestIsHttps(h({ "x-forwarded-proto": "https" }), 0)).toBe(false);
  });

  it("1 and 0 force it; 1 over plain HTTP on a LAN address is reported as blocked", () => {
    expect(wantsSecureCookies(plain, env("1"))).toBe(true);
    expect(wantsSecureCookies(tls, env("0"))).toBe(false);
    expect(secureCookieBlocked(plain, env("1"))).toBe(true);
    expect(secureCookieBlocked(plain, env("auto"))).toBe(false);
    expect(secureCookieBlocked(h({ host: "127.0.0.1:3000", [CLIENT_PROTO_HEADER]: "http" }), env("1"))).toBe(false);
  });

  it("a bad TRUST_PROXY or COOKIE_SECURE stops the server, naming the variable", () => {
    expect(() => parseServerEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => parseServerEnv({ COOKIE_SECURE: "true" })).toThrow(/COOKIE_SECURE/);
  });
});

describe("scripts/serve.mjs", () => {
  it("stamps the socket's address and scheme on every request, dropping copies the client sent", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-test-"));
    const entry = path.join(dir, "entry.mjs");
    // A stand-in for next's server: answers with the headers it was given.
    fs.writeFileSync(
      entry,
      `import http from "node:http";
       const server = http.createServer((req, res) => { res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders })); });
       server.listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));
       setTimeout(() => process.exit(0), 20000).unref();`,
    );
    const child = spawn(process.execPath, ["scripts/serve.mjs", entry, "3122"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        child.on("exit", (code) => reject(new Error(`serve.mjs exited ${code}`)));
      });
      const res = await fetch("http://127.0.0.1:3122/", {
        headers: { "X-Dashboard-Client-Address": "6.6.6.6", [CLIENT_PROTO_HEADER]: "https", "x-forwarded-for": "7.7.7.7" },
      });
      const { headers, raw } = (await res.json()) as { headers: Record<string, string>; raw: string[] };
      expect(headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
      expect(headers[CLIENT_PROTO_HEADER]).toBe("http");
      expect(headers["x-forwarded-for"]).toBe("7.7.7.7"); // left alone: only read with TRUST_PROXY
      expect(raw.filter((v) => v === "6.6.6.6")).toEqual([]);
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start with a bad TRUST_PROXY, naming it", async () => {
    const child = spawn(process.execPath, ["scripts/serve.mjs", "next", "start"], { env: { ...process.env, TRUST_PROXY: "all" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("TRUST_PROXY");
  });
});
