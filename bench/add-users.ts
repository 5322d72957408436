// Child of the benchmark: creates its users with the users CLI's own code (scripts/users.ts), in
// the database named by DATABASE_URL. Reads [{email, role, password}] as JSON on standard input,
// so no password appears in arguments.
import { runUsersCli } from "../scripts/users";

async function main(): Promise<number> {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const users = JSON.parse(input) as { email: string; role: string; password: string }[];
  for (const u of users) {
    const code = await runUsersCli(["add", "--email", u.email, "--role", u.role, "--password-stdin"], {
      readPassword: async () => u.password,
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    });
    if (code !== 0) return code;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
