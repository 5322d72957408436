// Sliding sessions: a session ends after SESSION_IDLE_MS without a request, or SESSION_MAX_MS after
// sign-in, whichever comes first. Each request made while it lives renews it (its `updatedAt` is
// the last activity, written at most once a minute), so an active person is never signed out
// mid-task before the absolute limit. Pure, with the clock passed in.
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** Activity is written at most this often per session. */
export const SESSION_TOUCH_MS = 60_000;

export type SessionVerdict = { ok: false; reason: "idle" | "absolute" } | { ok: true; touch: boolean; expiresAt: number };

export function sessionVerdict(session: { createdAt: Date | string; updatedAt: Date | string }, now: number): SessionVerdict {
  const created = new Date(session.createdAt).getTime();
  const lastActive = new Date(session.updatedAt).getTime();
  if (now >= created + SESSION_MAX_MS) return { ok: false, reason: "absolute" };
  if (now >= lastActive + SESSION_IDLE_MS) return { ok: false, reason: "idle" };
  return { ok: true, touch: now - lastActive >= SESSION_TOUCH_MS, expiresAt: Math.min(created + SESSION_MAX_MS, now + SESSION_IDLE_MS) };
}
