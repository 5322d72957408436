// Command line of `npm run bench`. Ports and the build folder default to the benchmark's own
// (3500, 4510, .next-bench) and can be changed by flag or environment variable.
import { parseArgs } from "node:util";

export const SECTIONS = ["coalescing", "proxy", "resilience", "pageloads", "pages", "shared", "scale", "ledger"] as const;
export type Section = (typeof SECTIONS)[number];

export interface Options {
  quick: boolean;
  build: "auto" | "always" | "never";
  dashboardPort: number;
  simPort: number;
  distDir: string;
  only: Set<Section>;
  lighthouseRuns: number;
  out: string;
}

const USAGE = `npm run bench -- [--quick] [--build auto|always|never] [--only ${SECTIONS.join(",")}]
  [--dashboard-port 3500] [--sim-port 4510] [--dist-dir .next-bench] [--lighthouse-runs 5] [--out bench/results/latest.json]
Environment: BENCH_DASHBOARD_PORT, BENCH_SIM_PORT, BENCH_DIST_DIR override the defaults.`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got ${value}\n${USAGE}`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      build: { type: "string", default: "auto" },
      "dashboard-port": { type: "string" },
      "sim-port": { type: "string" },
      "dist-dir": { type: "string" },
      only: { type: "string" },
      "lighthouse-runs": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!["auto", "always", "never"].includes(values.build!)) throw new Error(`--build must be auto, always or never\n${USAGE}`);
  const only = new Set<Section>();
  for (const s of (values.only ?? SECTIONS.join(",")).split(",").map((x) => x.trim()).filter(Boolean)) {
    if (!SECTIONS.includes(s as Section)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(", ")}`);
    only.add(s as Section);
  }
  const runs = Number(values["lighthouse-runs"] ?? 5);
  if (!Number.isInteger(runs) || runs < 1 || runs > 5) throw new Error("--lighthouse-runs must be 1 to 5");
  const quick = values.quick!;
  return {
    quick,
    build: values.build as Options["build"],
    dashboardPort: port(values["dashboard-port"] ?? env.BENCH_DASHBOARD_PORT, 3500, "--dashboard-port"),
    simPort: port(values["sim-port"] ?? env.BENCH_SIM_PORT, 4510, "--sim-port"),
    distDir: values["dist-dir"] ?? env.BENCH_DIST_DIR ?? ".next-bench",
    only,
    lighthouseRuns: runs,
    out: values.out ?? (quick ? "bench/results/latest-quick.json" : "bench/results/latest.json"),
  };
}
