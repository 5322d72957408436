import { beforeAll, expect, it } from "vitest";
import { cookieHeader, describeEachEngine } from "../db/testing";
import { db, engine } from "../db";
import { login, logout } from "./login";
import { getSessionUser } from "./session";
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
    expect(setCookies.join("\n")).toMatch(/Max-Age=43200/);
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
