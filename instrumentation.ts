// Runs once when the server starts: the database schema (versioned migrations, under a lock on
// Postgres so instances starting together migrate once), then the first users (demo users in demo
// mode; instructions for creating the first owner otherwise). A failure stops the server.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { db } = await import("./lib/db");
    await db();
    const { ensureUsersReady } = await import("./lib/auth/bootstrap");
    await ensureUsersReady();
  }
}
