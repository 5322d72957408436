// Child of the benchmark: p50 of one session check (what every authenticated request does:
// better-auth's getSession against the database) on the engine DATABASE_URL names. Signs the
// user given on standard input in once, then checks the cookie `count` times, one at a time.
// Prints {"p50_ms": …, "p90_ms": …} on standard output.
import { getAuth } from "../lib/auth/auth";
import { closeDb } from "../lib/db";

async function main(): Promise<void> {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const { email, password, count } = JSON.parse(input) as { email: string; password: string; count: number };
  const auth = await getAuth();
  const signed = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = signed.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
  const headers = new Headers({ cookie });
  for (let i = 0; i < 20; i++) await auth.api.getSession({ headers }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const session = await auth.api.getSession({ headers });
    times.push(performance.now() - t0);
    if (!session) throw new Error("the session check failed");
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  console.log(JSON.stringify({ p50_ms: at(50), p90_ms: at(90) }));
  await closeDb();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
