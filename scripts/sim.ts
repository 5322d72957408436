// npm run sim -- --port 4010 [--seed N] [--scale small|large] [--rate-limit N]
// The Telnyx simulator as a standalone server at http://127.0.0.1:<port>/v2 (test controls under /__sim).
// TELNYX_SIM_API_KEY, if set, is the only bearer token it accepts.
import { startSimServer } from "../lib/telnyx-sim/server";

const t0 = performance.now();

function usage(message?: string): never {
  if (message) console.error(`sim: ${message}`);
  console.error("usage: npm run sim -- [--port 4010] [--seed 42] [--scale small|large] [--rate-limit N]");
  process.exit(2);
}

function parseArgs(argv: string[]): { port: number; seed: number; scale: "small" | "large"; rateLimit?: number } {
  const out: { port: number; seed: number; scale: "small" | "large"; rateLimit?: number } = { port: 4010, seed: 42, scale: "small" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case "--port": {
        const v = value();
        if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) usage(`--port must be 0-65535, got ${v}`);
        out.port = Number(v);
        break;
      }
      case "--seed": {
        const v = value();
        if (!/^-?\d{1,9}$/.test(v)) usage(`--seed must be an integer, got ${v}`);
        out.seed = Number(v);
        break;
      }
      case "--scale": {
        const v = value();
        if (v !== "small" && v !== "large") usage(`--scale must be small or large, got ${v}`);
        out.scale = v;
        break;
      }
      case "--rate-limit": {
        const v = value();
        if (!/^[1-9]\d{0,6}$/.test(v)) usage(`--rate-limit must be a positive number of calls per minute, got ${v}`);
        out.rateLimit = Number(v);
        break;
      }
      case "-h":
      case "--help":
        usage();
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const apiKey = process.env.TELNYX_SIM_API_KEY || undefined;
  const server = await startSimServer({ ...args, apiKey });
  const ms = performance.now() - t0;
  const sinceProcessStart = process.uptime() * 1000;
  console.log(`Telnyx simulator listening at ${server.baseURL} (seed ${args.seed}, scale ${args.scale}${args.rateLimit ? `, ${args.rateLimit} calls per minute per key` : ""}${apiKey ? ", API key required" : ""})`);
  console.log(`started in ${ms.toFixed(0)} ms (${sinceProcessStart.toFixed(0)} ms since the process started)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the simulator`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(`sim: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
