// Where DATABASE_URL points, without opening anything. Plain ESM: the start wrapper
// (scripts/serve.mjs) uses it to pin a relative SQLite path before the standalone server changes
// its working directory to .next/standalone.
import path from "node:path";

export const DEFAULT_DATABASE_PATH = "data/dashboard.sqlite";

/** @param {string | undefined} url */
export function isPostgresUrl(url) {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The absolute SQLite file for `./x.sqlite`, `file:./x.sqlite`, `file:///abs/x.sqlite`,
 * `sqlite:x.sqlite` (relative to the working directory), `:memory:` as is; unset: the default.
 * @param {string | undefined} url
 */
export function databasePath(url) {
  if (!url) return path.resolve(DEFAULT_DATABASE_PATH);
  if (url === ":memory:") return url;
  return path.resolve(url.replace(/^(file|sqlite):(\/\/(?=\/))?/, ""));
}

/**
 * DATABASE_URL with a SQLite path made absolute against the current directory (a Postgres URL
 * unchanged), so a later chdir doesn't move the database.
 * @param {string | undefined} url
 */
export function pinnedDatabaseUrl(url) {
  const trimmed = url?.trim() || undefined;
  return isPostgresUrl(trimmed) ? /** @type {string} */ (trimmed) : databasePath(trimmed);
}
