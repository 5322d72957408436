import { afterAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../db/testing";
import { ensureUsersReady } from "./bootstrap";
import { countUsers, findUser, passwordMatches } from "./users";

useTempDatabase();
const saved = { key: process.env.TELNYX_API_KEY, demo: process.env.DEMO_PASSWORD };
function setEnv(key: string | undefined, demo: string | undefined) {
  for (const [name, value] of [["TELNYX_API_KEY", key], ["DEMO_PASSWORD", demo]] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
}
afterAll(() => setEnv(saved.key, saved.demo));

async function run(): Promise<string> {
  const lines: string[] = [];
  await ensureUsersReady((t) => lines.push(t));
  return lines.join("\n");
}

describe("ensureUsersReady", () => {
  it("demo mode: creates both demo users with a generated password, the same one after a restart", async () => {
    setEnv(undefined, undefined);
    const first = await run();
    const password = /Password: (\S+)/.exec(first)?.[1];
    expect(password).toMatch(/^.{12,}$/);
    expect(await findUser("owner@demo.test")).toMatchObject({ role: "owner", disabled: false });
    expect(await findUser("finance@demo.test")).toMatchObject({ role: "finance" });
    expect(await passwordMatches("finance@demo.test", password!)).toBe(true);
    expect(await run()).toContain(`Password: ${password}`);
  });

  it("demo mode with DEMO_PASSWORD: the demo users get that password, which is not printed", async () => {
    setEnv(undefined, "demo password from env");
    const out = await run();
    expect(out).toContain("the value of DEMO_PASSWORD");
    expect(out).not.toContain("demo password from env");
    expect(await passwordMatches("owner@demo.test", "demo password from env")).toBe(true);
  });

  it("real key: removes the demo users and explains how to create the first owner, creating nobody", async () => {
    setEnv("KEY_real_key_for_test", undefined);
    const out = await run();
    expect(await countUsers()).toBe(0);
    expect(out).toContain("npm run users -- add --email you@example.com --role owner --password-stdin");
    expect(out).not.toMatch(/Password: /);
  });
});
