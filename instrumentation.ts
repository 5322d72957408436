// Runs once when the server starts: database schema, then the first users (demo users in demo
// mode; instructions for creating the first owner otherwise).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ensureUsersReady } = await import("./lib/auth/bootstrap");
    await ensureUsersReady();
  }
}
