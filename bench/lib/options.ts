// Command line of `npm run bench`. Ports and the build folder default to the benchmark's own
// (3500, 4510, .next-bench) and can be changed by flag or environment variable.
import { parseArgs } from "node:util";

export const SECTIONS = ["coalescing", "proxy", "resilience", "pageloads", "pages", "shared", "scale", "ledger"] as const;
export type Section = (typeof SECTIONS)[number];
/** The parts of the scale section (`--scale-parts`). */
export const SCALE_PARTS = ["breakdown", "audit", "export"] as const;
export type ScalePart = (typeof SCALE_PARTS)[number];
export const PRESETS = ["desktop", "mobile"] as const;
export type Preset = (typeof PRESETS)[number];

export interface Options {
  quick: boolean;
  build: "auto" | "always" | "never";
  dashboardPort: number;
  simPort: number;
  distDir: string;
  only: Set<Section>;
  lighthouseRuns: number;
  /** Lighthouse only on these paths (`--pages /charges,/invoices`); null: every page. */
  pages: Set<string> | null;
  /** Lighthouse presets to run (`--presets mobile`). */
  presets: Set<Preset>;
  scaleParts: Set<ScalePart>;
  out: string;
}

const USAGE = `npm run bench -- [--quick] [--build auto|always|never] [--only ${SECTIONS.join(",")}]
  [--dashboard-port 3500] [--sim-port 4510] [--dist-dir .next-bench] [--lighthouse-runs 5] [--out bench/results/latest.json]
  [--pages /,/charges] [--presets desktop,mobile] [--scale-parts ${SCALE_PARTS.join(",")}]
Environment: BENCH_DASHBOARD_PORT, BENCH_SIM_PORT, BENCH_DIST_DIR override the defaults.`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, got ${value}\n${USAGE}`);
  return n;
}

const list = (value: string) => value.split(",").map((x) => x.trim()).filter(Boolean);

/** A comma-separated subset of `all` (all of it when not given). */
function oneOf<T extends string>(value: string | undefined, all: readonly T[], name: string): Set<T> {
  const chosen = new Set<T>();
  for (const v of list(value ?? all.join(","))) {
    if (!all.includes(v as T)) throw new Error(`${name}: unknown ${v}; one or more of ${all.join(", ")}\n${USAGE}`);
    chosen.add(v as T);
  }
  return chosen;
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
      pages: { type: "string" },
      presets: { type: "string" },
      "scale-parts": { type: "string" },
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
  const pages = values.pages === undefined ? null : new Set(list(values.pages));
  if (pages) for (const p of pages) if (!p.startsWith("/")) throw new Error(`--pages takes paths such as /charges, got ${p}\n${USAGE}`);
  const presets = oneOf(values.presets, PRESETS, "--presets");
  const scaleParts = oneOf(values["scale-parts"], SCALE_PARTS, "--scale-parts");
  return {
    quick,
    build: values.build as Options["build"],
    dashboardPort: port(values["dashboard-port"] ?? env.BENCH_DASHBOARD_PORT, 3500, "--dashboard-port"),
    simPort: port(values["sim-port"] ?? env.BENCH_SIM_PORT, 4510, "--sim-port"),
    distDir: values["dist-dir"] ?? env.BENCH_DIST_DIR ?? ".next-bench",
    only,
    lighthouseRuns: runs,
    pages,
    presets,
    scaleParts,
    out: values.out ?? (quick ? "bench/results/latest-quick.json" : "bench/results/latest.json"),
  };
}
