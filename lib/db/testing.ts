// Test helper: each test file gets its own database in a temp directory (plus the session
// secret file beside it), removed afterwards. Call at the top of a test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from ".";

export function useTempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dashboard-test-"));
  const file = path.join(dir, "test.sqlite");
  process.env.DATABASE_URL = file;
  afterAll(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return file;
}

/** "name=value" pairs from Set-Cookie headers, as a browser would send them back. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies.map((c) => c.split(";", 1)[0]).join("; ");
}
