// The server's environment, checked once with zod. Plain ESM so next.config.mjs can import it and a
// bad environment stops `next build`/`next start` with the variable's name. Nothing here is
// NEXT_PUBLIC_: none of it may reach the browser.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const serverEnvSchema = z.object({
  // Unset: the embedded Telnyx simulator answers instead of api.telnyx.com ("Demo data").
  TELNYX_API_KEY: optionalString,
  TELNYX_API_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://api.telnyx.com/v2"),
  // Extra hosts invoice download links may point at (comma separated), besides Telnyx's own.
  TELNYX_DOWNLOAD_HOSTS: optionalString,
  // Embedded simulator only.
  TELNYX_SIM_SEED: z.coerce.number().int().nonnegative().default(42),
  TELNYX_SIM_SCALE: z.enum(["small", "large"]).default("small"),
  // A SQLite file (default ./data/dashboard.sqlite) or postgres://… (then SESSION_SECRET is required).
  DATABASE_URL: optionalString,
  // Optional: read cache, coalescing and 429 pacing shared by every instance (redis:// or rediss://).
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional()),
  // Prefix of every Redis key, so several deployments or test runs can share one server.
  REDIS_PREFIX: optionalString.pipe(
    z.string().max(100).regex(/^[A-Za-z0-9:_.-]+$/, "letters, digits and : _ . - only").optional(),
  ),
  // Session signing secret; on SQLite generated on first start and kept under ./data when unset.
  SESSION_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  DEMO_PASSWORD: optionalString.pipe(z.string().min(12, "must be at least 12 characters").optional()),
  // How many reverse proxies stand in front: 0 (unset) uses the socket's address; N reads the Nth
  // X-Forwarded-For entry from the right (and X-Forwarded-Proto). Never set it without a proxy
  // that overwrites or appends those headers: clients could then choose their address.
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^([0-9]|10)?$/, "must be the number of reverse proxies in front, 0 to 10 (0 or unset: none)")
    .transform((v) => (v === "" ? 0 : Number(v)))
    .default(0),
  // Session cookies: auto = Secure (and __Secure-) when the request came over HTTPS; 1 = always; 0 = never.
  COOKIE_SECURE: z
    .string()
    .trim()
    .transform((v) => (v === "" ? "auto" : v))
    .pipe(z.enum(["auto", "1", "0"], { error: "must be auto, 1 or 0" }))
    .default("auto"),
  // This server's name among several sharing one database (idempotency claims); default host:port.
  INSTANCE_ID: optionalString,
  // The ledger's sync worker (lib/ledger): "off" keeps it out of this server process.
  SYNC_WORKER: z.enum(["on", "off"]).default("on"),
  // The worker's upstream calls in any rolling minute, across every instance (pages are not counted).
  SYNC_MAX_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).optional(),
  // How far back the first usage backfill reaches (days of detail records).
  LEDGER_BACKFILL_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  // Audit events, webhook deliveries and usage rollups older than this are deleted; unset = keep everything.
  LEDGER_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  // Per-stream intervals in seconds, e.g. "balance=300,usage=3600" (defaults in lib/ledger/config.ts).
  LEDGER_INTERVALS: optionalString.pipe(
    z.string().regex(/^[a-z_]+=\d+(,[a-z_]+=\d+)*$/, 'must look like "balance=300,usage=3600"').optional(),
  ),
  // Alerts by email (lib/alerts): smtp://user:pass@host:587 or smtps://…; unset = email channels fail visibly.
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  // The From: of alert emails.
  SMTP_FROM: optionalString,
  // "1" lets alert webhooks reach private, loopback and link-local addresses (tests, internal receivers).
  ALERTS_ALLOW_PRIVATE_URLS: z.enum(["0", "1"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
}).superRefine((env, ctx) => {
  // A generated secret would differ per machine: sessions signed by one instance would fail at another.
  if (env.DATABASE_URL && /^postgres(ql)?:\/\//i.test(env.DATABASE_URL) && !env.SESSION_SECRET)
    ctx.addIssue({
      code: "custom",
      path: ["SESSION_SECRET"],
      message: "required when DATABASE_URL is a Postgres URL (every instance must sign sessions with the same secret; 32+ characters)",
    });
});

/** @typedef {z.infer<typeof serverEnvSchema>} ServerEnv */

const ENV_KEYS = Object.keys(serverEnvSchema.shape);
/** The last valid answer, with the source object and the raw values it was parsed from. */
let last;

/**
 * Called on hot paths (every database and Redis use): a source whose variables are the same as last
 * time gets the same (frozen) answer without parsing again; any change (tests change process.env)
 * parses again, and an invalid environment throws every time.
 * @param {Record<string, string | undefined>} source
 * @returns {ServerEnv}
 */
export function parseServerEnv(source) {
  const values = ENV_KEYS.map((k) => source[k]);
  if (last && last.source === source && values.every((v, i) => v === last.values[i])) return last.env;
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  last = { source, values, env: Object.freeze(result.data) };
  return last.env;
}
