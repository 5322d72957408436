import { beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, describeEachEngine } from "../db/testing";
import { db, engine } from "../db";
import { login, logout } from "./login";
import { cookieValue, getSessionUser, sessionQuery, verifiedSessionToken } from "./session";
import { createHmac } from "node:crypto";
import { authContext } from "./auth";
import { SESSION_IDLE_MS, SESSION_MAX_MS, sessionVerdict } from "./session-policy";
import { signOutEverywhere } from "./sign-out";
import { addUser, setUserDisabled, setUserRole } from "./users";
import { ApiError } from "../api/errors";
import { CLIENT_ADDRESS_HEADER } from "../security/client-headers.mjs";

const PASSWORD = "correct horse battery";

async function signIn(email: string, password = PASSWORD) {
  const { setCookies } = await login(email, password, new Headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.1" }));
  return { setCookies, headers: new Headers({ cookie: cookieHeader(setCookies) }) };
}

await describeEachEngine("sessions", () => {
  beforeAll(async () => {
    await addUser({ email: "owner@example.com", role: "owner", password: PASSWORD });
    await addUser({ email: "fin@example.com", role: "finance", password: PASSWORD, name: "Fin" });
  });

  it("a valid session cookie gives the user and role", async () => {
    const { setCookies, headers } = await signIn("Owner@Example.com");
    expect(setCookies.join("\n")).toMatch(/HttpOnly/i);
    expect(setCookies.join("\n")).toMatch(/SameSite=Lax/i);
    expect(setCookies.join("\n")).toMatch(/Max-Age=604800/);
    expect(await getSessionUser(headers)).toMatchObject({ email: "owner@example.com", role: "owner" });
  });

  it("no cookie, or a forged one, gives null", async () => {
    expect(await getSessionUser(new Headers())).toBeNull();
    const { headers } = await signIn("fin@example.com");
    const [name, value] = headers.get("cookie")!.split("=", 2) as [string, string];
    const [token] = value.split(".");
    // Same token, signature made up; and a made-up token.
    expect(await getSessionUser(new Headers({ cookie: `${name}=${token}.AAAA` }))).toBeNull();
    expect(await getSessionUser(new Headers({ cookie: `${name}=forged` }))).toBeNull();
  });

  it("the signature is checked as better-auth signs it: its own cookie passes, any change fails", async () => {
    const { headers } = await signIn("fin@example.com");
    const [name, sent] = headers.get("cookie")!.split("=", 2) as [string, string];
    const value = decodeURIComponent(sent);
    const { secret } = await authContext();
    const [token] = value.split(".") as [string];
    expect(verifiedSessionToken(value, secret)).toBe(token);
    expect(verifiedSessionToken(value, `${secret}x`)).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    expect(verifiedSessionToken(`${flipped}.${value.split(".")[1]}`, secret)).toBeNull();
    // A correct signature over another token is that token's, not this one's.
    const other = createHmac("sha256", secret).update("other-token").digest("base64");
    expect(verifiedSessionToken(`other-token.${other}`, secret)).toBe("other-token");
    expect(verifiedSessionToken(`${token}.${other}`, secret)).toBeNull();
    expect(verifiedSessionToken(`${token}.${other.replace("=", "")}`, secret)).toBeNull();
    expect(verifiedSessionToken(`.${other}`, secret)).toBeNull();
    // Sent raw or percent-encoded, quoted or not: the same session; a second cookie of the name is ignored.
    for (const cookie of [`${name}=${value}`, `${name}=${sent}`, `a=1; ${name}="${sent}"; ${name}=forged`])
      expect(await getSessionUser(new Headers({ cookie }))).toMatchObject({ email: "fin@example.com" });
    expect(await getSessionUser(new Headers({ cookie: `${name}=forged; ${name}=${sent}` }))).toBeNull();
    expect(cookieValue("x=%E0%A4%A; y=2", "x")).toBe("%E0%A4%A");
  });

  it("an expired session gives null", async () => {
    const { headers } = await signIn("fin@example.com");
    expect(await getSessionUser(headers)).not.toBeNull();
    const past = new Date(Date.now() - 1000);
    await (await db()).updateTable("session").set({ expiresAt: engine() === "postgres" ? past : past.toISOString() }).execute();
    expect(await getSessionUser(headers)).toBeNull();
  });

  it("logout revokes the session, so the old cookie stops working", async () => {
    const { headers } = await signIn("fin@example.com");
    const cleared = await logout(headers);
    expect(cleared.join("\n")).toMatch(/Max-Age=0/);
    expect(await getSessionUser(headers)).toBeNull();
  });

  it("the session query is compiled once: only the token changes, and each cookie gets its own user", async () => {
    const k = await db();
    const a = sessionQuery(k, "token-a");
    const b = sessionQuery(k, "token-b");
    expect(a.sql).toBe(b.sql);
    expect(a.parameters).toEqual(["token-a"]);
    expect(b.parameters).toEqual(["token-b"]);
    const owner = await signIn("owner@example.com");
    const fin = await signIn("fin@example.com");
    for (let i = 0; i < 2; i++) {
      expect(await getSessionUser(owner.headers)).toMatchObject({ email: "owner@example.com", role: "owner" });
      expect(await getSessionUser(fin.headers)).toMatchObject({ email: "fin@example.com", role: "finance" });
    }
  });

  it("a role change applies to existing sessions", async () => {
    const { headers } = await signIn("fin@example.com");
    await setUserRole("fin@example.com", "owner");
    expect((await getSessionUser(headers))?.role).toBe("owner");
    await setUserRole("fin@example.com", "finance");
    expect((await getSessionUser(headers))?.role).toBe("finance");
  });

  it("a disabled user's sessions stop working and they cannot sign in", async () => {
    const { headers } = await signIn("fin@example.com");
    // Even with the session row left in place, the disabled flag alone refuses it.
    const setDisabled = async (disabled: boolean) =>
      (await db()).updateTable("user").set({ disabled: engine() === "postgres" ? disabled : Number(disabled) }).where("email", "=", "fin@example.com").execute();
    await setDisabled(true);
    expect(await getSessionUser(headers)).toBeNull();
    await setDisabled(false);
    expect(await getSessionUser(headers)).not.toBeNull();
    await setUserDisabled("fin@example.com", true);
    expect(await getSessionUser(headers)).toBeNull();
    const err = await signIn("fin@example.com").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect((err as ApiError).message).toBe("Email or password is incorrect.");
    const sessions = await (await db())
      .selectFrom("session as s")
      .innerJoin("user as u", "u.id", "s.userId")
      .where("u.email", "=", "fin@example.com")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(0);
  });

  it("a wrong password and an unknown email fail alike", async () => {
    const a = (await signIn("owner@example.com", "wrong password!!").catch((e: unknown) => e)) as ApiError;
    const b = (await signIn("nobody@example.com").catch((e: unknown) => e)) as ApiError;
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.toBody()).toEqual(b.toBody());
  });
});

await describeEachEngine("sliding sessions and signing out everywhere", () => {
  beforeAll(async () => {
    await addUser({ email: "slide@example.com", role: "owner", password: PASSWORD });
    await addUser({ email: "slide-fin@example.com", role: "finance", password: PASSWORD });
  });
  const row = async () => (await db()).selectFrom("session").selectAll().orderBy("createdAt", "desc").executeTakeFirstOrThrow();

  it("an active user stays signed in past 2 hours (each request renews), but not past 7 days", async () => {
    const { headers } = await signIn("slide@example.com");
    const t0 = new Date((await row()).createdAt).getTime();
    // A request every 90 minutes for 6 days: never idle for 2 hours, always signed in.
    for (let t = t0 + 90 * 60_000; t < t0 + 6 * 24 * 3_600_000; t += 90 * 60_000) expect(await getSessionUser(headers, t)).not.toBeNull();
    expect(new Date((await row()).expiresAt).getTime()).toBeGreaterThan(t0 + 6 * 24 * 3_600_000);
    expect(await getSessionUser(headers, t0 + SESSION_MAX_MS + 1)).toBeNull(); // 7 days in all
    expect(await getSessionUser(headers, t0 + 90 * 60_000)).toBeNull(); // and the row is gone
  });

  it("two idle hours end it", async () => {
    const { headers } = await signIn("slide@example.com");
    const t0 = new Date((await row()).updatedAt).getTime();
    expect(await getSessionUser(headers, t0 + SESSION_IDLE_MS - 1_000)).not.toBeNull();
    const renewed = new Date((await row()).updatedAt).getTime();
    expect(await getSessionUser(headers, renewed + SESSION_IDLE_MS)).toBeNull();
  });

  it("sign out everywhere ends all of one's sessions; an owner can do it for another user, finance cannot", async () => {
    const a = await signIn("slide-fin@example.com");
    const b = await signIn("slide-fin@example.com");
    const fin = (await getSessionUser(a.headers))!;
    await expect(signOutEverywhere(fin, "slide@example.com")).rejects.toMatchObject({ status: 403 });
    await expect(signOutEverywhere(fin, "nobody@example.com")).rejects.toMatchObject({ status: 403 }); // no hint who exists
    const owner = await signIn("slide@example.com");
    const ownerUser = (await getSessionUser(owner.headers))!;
    expect((await signOutEverywhere(ownerUser, "slide-fin@example.com")).sessions_ended).toBe(2);
    expect(await getSessionUser(a.headers)).toBeNull();
    expect(await getSessionUser(b.headers)).toBeNull();
    expect(await getSessionUser(owner.headers)).not.toBeNull();
    await expect(signOutEverywhere(ownerUser, "nobody@example.com")).rejects.toMatchObject({ status: 404 });
    expect((await signOutEverywhere(ownerUser)).sessions_ended).toBeGreaterThanOrEqual(1);
    expect(await getSessionUser(owner.headers)).toBeNull();
  });
});

describe("sessionVerdict", () => {
  const created = Date.UTC(2026, 0, 1);
  it("renews at most once a minute, never past the absolute end", () => {
    expect(sessionVerdict({ createdAt: new Date(created), updatedAt: new Date(created) }, created + 30_000)).toMatchObject({ ok: true, touch: false });
    expect(sessionVerdict({ createdAt: new Date(created), updatedAt: new Date(created) }, created + 61_000)).toEqual({ ok: true, touch: true, expiresAt: created + 61_000 + SESSION_IDLE_MS });
    const late = created + SESSION_MAX_MS - 60 * 60_000;
    expect(sessionVerdict({ createdAt: new Date(created), updatedAt: new Date(late - 60_000) }, late)).toEqual({ ok: true, touch: true, expiresAt: created + SESSION_MAX_MS });
    expect(sessionVerdict({ createdAt: new Date(created), updatedAt: new Date(created) }, created + SESSION_IDLE_MS)).toEqual({ ok: false, reason: "idle" });
  });
});
