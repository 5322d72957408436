import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

// A server started the way scripts/serve.mjs starts ours, with a slow request in flight at SIGTERM.
const SCRIPT = `
import http from "node:http";
const { installGracefulShutdown, onShutdown } = await import(${JSON.stringify(path.resolve("lib/server/shutdown.mjs"))});
installGracefulShutdown({ log: (e) => console.log(e) });
onShutdown(async () => console.log("pools closed"));
const server = http.createServer((req, res) => setTimeout(() => res.end("finished"), 400));
server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));
`;

it("SIGTERM: the request in flight finishes, new connections are refused, hooks run, exit 0", async () => {
  const child = spawn(process.execPath, ["--input-type=module", "-e", SCRIPT], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const port = await new Promise<number>((resolve) =>
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    }),
  );
  const inflight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 100));
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 100));
  const refused = await fetch(`http://127.0.0.1:${port}/`).then(() => false, () => true);
  expect(await inflight).toBe("finished");
  const code = await new Promise((resolve) => child.on("exit", resolve));
  expect(refused).toBe(true);
  expect(code).toBe(0);
  expect(out.indexOf("pools closed")).toBeGreaterThan(out.indexOf("server.shutdown"));
  expect(out).toContain("server.stopped");
});
