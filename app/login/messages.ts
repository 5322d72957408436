import { COOKIE_BLOCKED } from "@/lib/auth/cookie";

// What the login page says after a plain (no-JavaScript) form post bounced back with ?error=.
export const LOGIN_ERRORS = {
  invalid: "Email or password is incorrect.",
  throttled: "Too many failed sign-in attempts. Wait a few minutes and try again.",
  input: "Enter your email address and password.",
  origin: "This sign-in request did not come from the dashboard's own page. Reload and try again.",
  error: "Signing in failed on the server. Try again.",
  cookie: COOKIE_BLOCKED,
} as const;

export type LoginErrorCode = keyof typeof LOGIN_ERRORS;

export function loginErrorMessage(code: unknown): string | null {
  return typeof code === "string" && code in LOGIN_ERRORS ? LOGIN_ERRORS[code as LoginErrorCode] : null;
}
