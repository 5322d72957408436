// Getting the first users in, run once at server start (instrumentation.ts).
// Demo mode (no TELNYX_API_KEY): owner@demo.test and finance@demo.test, with DEMO_PASSWORD or a
// generated password kept beside the database so every restart prints the same one.
// Real key: demo users are removed (their password was printed in a log), and with no users at
// all the server says how to create the first owner. It never makes up a password for a real account.
import { randomBytes } from "node:crypto";
import { persistentSecret } from "../db";
// Not lib/env.ts: that one is `server-only`, and the users CLI runs this code in plain Node.
import { parseServerEnv } from "../env-schema.mjs";
import type { Role } from "./roles";
import { addUser, countUsers, findUser, passwordMatches, removeUser, resetPassword } from "./users";

export const DEMO_USERS: ReadonlyArray<{ email: string; role: Role; name: string }> = [
  { email: "owner@demo.test", role: "owner", name: "Demo Owner" },
  { email: "finance@demo.test", role: "finance", name: "Demo Finance" },
];

/** No TELNYX_API_KEY: the embedded simulator answers (the rule of isDemoMode() in lib/env.ts). */
export function demoMode(): boolean {
  return parseServerEnv(process.env).TELNYX_API_KEY === undefined;
}

export async function ensureUsersReady(print: (text: string) => void = console.log): Promise<void> {
  if (demoMode()) {
    const fromEnv = parseServerEnv(process.env).DEMO_PASSWORD;
    const password = fromEnv ?? await persistentSecret("demo-password", () => randomBytes(15).toString("base64url"));
    for (const demo of DEMO_USERS) {
      if (!(await findUser(demo.email))) {
        // Another instance starting at the same moment may create it first: that is fine.
        await addUser({ ...demo, password }).catch(async (error: unknown) => {
          if (!(await findUser(demo.email))) throw error;
        });
      }
      else if (!(await passwordMatches(demo.email, password))) await resetPassword(demo.email, password);
    }
    print(
      [
        "Demo mode: no TELNYX_API_KEY, so the dashboard shows simulated data.",
        `Sign in as ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(" or ")}`,
        `Password: ${fromEnv ? "the value of DEMO_PASSWORD" : password}`,
      ].join("\n"),
    );
    return;
  }

  for (const demo of DEMO_USERS) {
    if (await findUser(demo.email)) {
      await removeUser(demo.email);
      print(`Removed the demo user ${demo.email}: a real TELNYX_API_KEY is set.`);
    }
  }
  if ((await countUsers()) === 0) {
    print(
      [
        "No dashboard users yet, so nobody can sign in. Create the first owner on this machine:",
        "  npm run users -- add --email you@example.com --role owner --password-stdin",
        "(type the password, 12 characters or more, when asked; or pipe it in on standard input)",
      ].join("\n"),
    );
  }
}
