import { expect, it } from "vitest";
import { describeEachEngine } from "../lib/db/testing";
import { listActions } from "../lib/action-log";
import { passwordMatches } from "../lib/auth/users";
import { runUsersCli } from "./users";


async function cli(args: string, password = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUsersCli(args.split(" "), {
    readPassword: async () => password,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

await describeEachEngine("users CLI", () => {
  it("adds a user, then refuses a duplicate email", async () => {
    expect(await cli("add --email Boss@Example.com --role owner --password-stdin", "a long enough password")).toMatchObject({ code: 0, out: "Added boss@example.com (owner)." });
    const dup = await cli("add --email boss@example.com --role finance --password-stdin", "another long password");
    expect(dup).toMatchObject({ code: 1, err: "Error: A user with the email boss@example.com already exists." });
  });

  it("refuses a weak password and an unknown role", async () => {
    expect(await cli("add --email w@example.com --role finance --password-stdin", "elevenchars")).toMatchObject({
      code: 1,
      err: "Error: Password too weak: use at least 12 characters.",
    });
    expect(await cli("add --email w@example.com --role admin --password-stdin", "a long enough password")).toMatchObject({
      code: 1,
      err: 'Error: Unknown role "admin": use owner or finance.',
    });
    expect(await cli("add --email w@example.com --role finance", "a long enough password")).toMatchObject({ code: 1 });
    expect((await cli("list")).out).not.toContain("w@example.com");
  });

  it("lists, changes roles, disables and resets passwords", async () => {
    await cli("add --email f@example.com --role finance --password-stdin", "finance password 1");
    expect((await cli("list")).out).toMatch(/f@example\.com\tfinance\tactive/);
    expect((await cli("set-role --email f@example.com --role owner")).code).toBe(0);
    expect((await cli("set-role --email f@example.com --role root")).err).toContain('Unknown role "root"');
    expect((await cli("disable --email f@example.com")).code).toBe(0);
    expect((await cli("list")).out).toMatch(/f@example\.com\towner\tdisabled/);
    expect((await cli("reset-password --email f@example.com", "short")).err).toContain("too weak");
    expect((await cli("reset-password --email f@example.com", "finance password 2")).code).toBe(0);
    expect(await passwordMatches("f@example.com", "finance password 2")).toBe(true);
    expect((await cli("disable --email nobody@example.com")).err).toBe("Error: No user with the email nobody@example.com.");
  });

  it("won't disable or demote the last active owner", async () => {
    expect((await cli("disable --email boss@example.com")).err).toContain("only active owner");
    expect((await cli("set-role --email boss@example.com --role finance")).err).toContain("only active owner");
  });

  it("records user management in the action log, without passwords", async () => {
    const { items } = await listActions({ action: "user.add", limit: 50, offset: 0 });
    expect(items.some((e) => e.outcome === "failure" && e.error?.includes("already exists"))).toBe(true);
    expect(JSON.stringify(items)).not.toContain("long enough password");
  });

  it("answers usage errors with exit code 2", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("add --bogus")).code).toBe(2);
  });
});
