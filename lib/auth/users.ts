// User management shared by the users CLI and the start-up bootstrap. better-auth has sign-up
// disabled, so users are created through its internals (same hashing, same tables).
import { z } from "zod";
import { recordAction } from "../action-log";
import { authContext, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import { ALL_ROLES, isRole, type Role } from "./roles";

/** A mistake by whoever ran the command: printed as is, without a stack. */
export class UserError extends Error {
  override name = "UserError";
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

/** Who did it, for the action log: null when run from the CLI or by the server itself. */
type Actor = { id: string; email: string } | null;

export function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!z.email().safeParse(normalized).success) throw new UserError(`"${email}" is not a valid email address.`);
  return normalized;
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw new UserError(`Unknown role "${role}": use ${ALL_ROLES.join(" or ")}.`);
  return role;
}

export function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new UserError(`Password too weak: use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new UserError(`Password too long: use at most ${MAX_PASSWORD_LENGTH} characters.`);
  return password;
}

function toRecord(user: Record<string, unknown>): UserRecord {
  return {
    id: String(user.id),
    email: String(user.email),
    name: String(user.name ?? ""),
    role: user.role as Role,
    disabled: Boolean(user.disabled),
    createdAt: new Date(user.createdAt as string | Date),
  };
}

/** Runs a user-management step and records it (success or the error) in the action log. */
async function managed<T>(action: string, params: Record<string, unknown>, actor: Actor, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    await recordAction({ user: actor, action, params, outcome: "success" });
    return result;
  } catch (error) {
    await recordAction({ user: actor, action, params, outcome: "failure", error: (error as Error).message });
    throw error;
  }
}

export async function findUser(email: string): Promise<UserRecord | null> {
  const ctx = await authContext();
  const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase());
  return found ? toRecord(found.user as Record<string, unknown>) : null;
}

async function requireUser(email: string): Promise<UserRecord> {
  const user = await findUser(email);
  if (!user) throw new UserError(`No user with the email ${email}.`);
  return user;
}

export async function countUsers(): Promise<number> {
  return (await authContext()).internalAdapter.countTotalUsers();
}

export async function listUsers(): Promise<UserRecord[]> {
  const users = await (await authContext()).internalAdapter.listUsers(undefined, undefined, { field: "email", direction: "asc" });
  return users.map((u) => toRecord(u as Record<string, unknown>));
}

export async function addUser(
  input: { email: string; role: string; password: string; name?: string },
  actor: Actor = null,
): Promise<UserRecord> {
  return managed("user.add", { email: input.email, role: input.role }, actor, async () => {
    const email = checkEmail(input.email);
    const role = checkRole(input.role);
    checkPassword(input.password);
    const ctx = await authContext();
    if (await findUser(email)) throw new UserError(`A user with the email ${email} already exists.`);
    const user = await ctx.internalAdapter.createUser({
      email,
      name: input.name?.trim() || email.split("@")[0]!,
      emailVerified: true,
      role,
      disabled: false,
    }, { method: "email-password" });
    await ctx.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: await ctx.password.hash(input.password),
    });
    return toRecord(user as Record<string, unknown>);
  });
}

/** Refuses to leave the dashboard without an active owner. */
async function assertAnotherOwner(user: UserRecord): Promise<void> {
  if (user.role !== "owner" || user.disabled) return;
  const owners = (await listUsers()).filter((u) => u.role === "owner" && !u.disabled);
  if (owners.length <= 1) throw new UserError(`${user.email} is the only active owner: add another owner first.`);
}

export async function setUserDisabled(email: string, disabled: boolean, actor: Actor = null): Promise<void> {
  await managed(disabled ? "user.disable" : "user.enable", { email }, actor, async () => {
    const user = await requireUser(email);
    if (disabled) await assertAnotherOwner(user);
    const ctx = await authContext();
    await ctx.internalAdapter.updateUser(user.id, { disabled });
    // Revoke at once (getSessionUser refuses disabled users anyway).
    if (disabled) await ctx.internalAdapter.deleteUserSessions(user.id);
  });
}

export async function setUserRole(email: string, role: string, actor: Actor = null): Promise<void> {
  await managed("user.set_role", { email, role }, actor, async () => {
    const newRole = checkRole(role);
    const user = await requireUser(email);
    if (newRole !== "owner") await assertAnotherOwner(user);
    // Sessions read the role from the database on every request: no revocation needed.
    await (await authContext()).internalAdapter.updateUser(user.id, { role: newRole });
  });
}

/** Sets a new password and signs the user out everywhere. */
export async function resetPassword(email: string, password: string, actor: Actor = null): Promise<void> {
  await managed("user.reset_password", { email }, actor, async () => {
    checkPassword(password);
    const user = await requireUser(email);
    const ctx = await authContext();
    await ctx.internalAdapter.updatePassword(user.id, await ctx.password.hash(password));
    await ctx.internalAdapter.deleteUserSessions(user.id);
  });
}

/** True when `password` is the user's current one. */
export async function passwordMatches(email: string, password: string): Promise<boolean> {
  const user = await findUser(email);
  if (!user) return false;
  const ctx = await authContext();
  const account = (await ctx.internalAdapter.findAccounts(user.id)).find((a) => a.providerId === "credential");
  return !!account?.password && (await ctx.password.verify({ hash: account.password, password }));
}

/** Deletes a user with their sessions and accounts (used to drop demo users outside demo mode). */
export async function removeUser(email: string, actor: Actor = null): Promise<void> {
  await managed("user.remove", { email }, actor, async () => {
    const user = await requireUser(email);
    await (await authContext()).internalAdapter.deleteUser(user.id);
  });
}
