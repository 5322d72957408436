import { describe, expect, it } from "vitest";
import { fetchDownload, isInternalAddress, MAX_DOWNLOAD_REDIRECTS, type DownloadDeps } from "./download";

const PDF = "%PDF-1.4 test";

/** A fake network: each URL answers a file or a redirect; every URL fetched is recorded. */
function network(routes: Record<string, string | { redirect: string }>, dns: Record<string, string[]> = {}) {
  const fetched: string[] = [];
  const deps: DownloadDeps = {
    namedHosts: ["127.0.0.1:4010", "files.partner.example"],
    demo: false,
    resolve: async (host) => dns[host] ?? ["203.0.113.10"],
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      fetched.push(url);
      expect(init?.redirect).toBe("manual");
      const route = routes[url];
      if (route === undefined) return new Response("missing", { status: 404 });
      if (typeof route === "string") return new Response(route, { status: 200 });
      return new Response(null, { status: 302, headers: { location: route.redirect } });
    }) as typeof fetch,
  };
  return { deps, fetched };
}

describe("invoice downloads", () => {
  it("follows a redirect between allowed hosts, relative locations included", async () => {
    const { deps, fetched } = network({
      "https://api.telnyx.com/file": { redirect: "https://cdn.telnyx.com/signed" },
      "https://cdn.telnyx.com/signed": { redirect: "/final.pdf" },
      "https://cdn.telnyx.com/final.pdf": PDF,
    });
    const res = await fetchDownload("https://api.telnyx.com/file", deps);
    expect(await res.text()).toBe(PDF);
    expect(fetched).toHaveLength(3);
  });

  it("refuses a redirect from an allowed host to any other host, without fetching it", async () => {
    const { deps, fetched } = network({ "https://api.telnyx.com/file": { redirect: "https://evil.example/x.pdf" } });
    await expect(fetchDownload("https://api.telnyx.com/file", deps)).rejects.toMatchObject({ status: 502 });
    expect(fetched).toEqual(["https://api.telnyx.com/file"]);
  });

  it("refuses a redirect to plain http, or to an internal address the allow-list doesn't name", async () => {
    for (const target of ["http://cdn.telnyx.com/x.pdf", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://127.0.0.1:4011/x"]) {
      const { deps, fetched } = network({ "https://api.telnyx.com/file": { redirect: target } });
      await expect(fetchDownload("https://api.telnyx.com/file", deps), target).rejects.toMatchObject({ status: 502 });
      expect(fetched).toHaveLength(1);
    }
  });

  it("checks the addresses a name resolves to, not just literal IPs", async () => {
    const { deps, fetched } = network({ "https://files.telnyx.com/x.pdf": PDF }, { "files.telnyx.com": ["203.0.113.9", "10.0.0.5"] });
    await expect(fetchDownload("https://files.telnyx.com/x.pdf", deps)).rejects.toMatchObject({ status: 502 });
    expect(fetched).toEqual([]);
  });

  it("trusts hosts the operator named (the simulator on 127.0.0.1) at any address", async () => {
    const { deps } = network(
      { "http://127.0.0.1:4010/files/1.pdf": PDF, "https://files.partner.example/2.pdf": PDF },
      { "files.partner.example": ["10.1.2.3"] },
    );
    expect((await fetchDownload("http://127.0.0.1:4010/files/1.pdf", deps)).status).toBe(200);
    expect((await fetchDownload("https://files.partner.example/2.pdf", deps)).status).toBe(200);
  });

  it(`follows at most ${MAX_DOWNLOAD_REDIRECTS} redirects`, async () => {
    const hops = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`https://cdn.telnyx.com/${i}`, { redirect: `https://cdn.telnyx.com/${i + 1}` }]));
    const { deps, fetched } = network({ ...hops, "https://cdn.telnyx.com/3": PDF });
    expect((await fetchDownload("https://cdn.telnyx.com/0", deps)).status).toBe(200);
    const loop = network(hops);
    await expect(fetchDownload("https://cdn.telnyx.com/0", loop.deps)).rejects.toMatchObject({ status: 503 });
    expect(loop.fetched).toHaveLength(MAX_DOWNLOAD_REDIRECTS + 1);
    expect(fetched).toHaveLength(4);
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.1.1.1", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:7f00:1", "not-an-ip"])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ["203.0.113.10", "8.8.8.8", "2606:4700::1111"]) expect(isInternalAddress(a), a).toBe(false);
  });
});
