// Dashboard user management, run on the server machine:
//   npm run users -- add --email E --role owner|finance [--name N] --password-stdin
//   npm run users -- list
//   npm run users -- disable --email E          (signs them out everywhere)
//   npm run users -- enable --email E
//   npm run users -- set-role --email E --role owner|finance
//   npm run users -- reset-password --email E   (new password from standard input)
// Passwords are read from standard input (a hidden prompt on a terminal), never from arguments,
// which would end up in shell history and `ps`.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { addUser, listUsers, resetPassword, setUserDisabled, setUserRole, UserError } from "../lib/auth/users";

const USAGE = `Usage: npm run users -- <command> [options]
  add --email E --role owner|finance [--name N] --password-stdin
  list
  disable --email E
  enable --email E
  set-role --email E --role owner|finance
  reset-password --email E        (reads the new password from standard input)`;

export interface CliIo {
  /** Resolves to the password typed or piped in. */
  readPassword: (prompt: string) => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs one command; returns the process exit code (0 ok, 1 refused, 2 usage). */
export async function runUsersCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: opts, positionals } = parsed;
  const [command] = positionals;
  const need = (name: "email" | "role"): string => {
    if (!opts[name]) throw new UserError(`${command} needs --${name}.`);
    return opts[name];
  };

  if (!command || opts.help) {
    (opts.help ? io.out : io.err)(USAGE);
    return opts.help ? 0 : 2;
  }
  try {
    switch (command) {
      case "add": {
        const email = need("email");
        const role = need("role");
        if (!opts["password-stdin"])
          throw new UserError("add needs --password-stdin: the password is read from standard input, never from the command line.");
        const user = await addUser({ email, role, name: opts.name, password: await io.readPassword("Password: ") });
        io.out(`Added ${user.email} (${user.role}).`);
        return 0;
      }
      case "list": {
        const users = await listUsers();
        if (users.length === 0) io.out("No users.");
        for (const u of users)
          io.out(`${u.email}\t${u.role}\t${u.disabled ? "disabled" : "active"}\t${u.name}\tcreated ${u.createdAt.toISOString()}`);
        return 0;
      }
      case "disable":
      case "enable": {
        const email = need("email");
        await setUserDisabled(email, command === "disable");
        io.out(command === "disable" ? `Disabled ${email} and ended their sessions.` : `Enabled ${email}.`);
        return 0;
      }
      case "set-role": {
        const email = need("email");
        const role = need("role");
        await setUserRole(email, role);
        io.out(`${email} is now ${role}.`);
        return 0;
      }
      case "reset-password": {
        const email = need("email");
        await resetPassword(email, await io.readPassword("New password: "));
        io.out(`Password of ${email} changed; their sessions were ended.`);
        return 0;
      }
      default:
        io.err(`Unknown command "${command}".\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`Error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** Piped: all of standard input minus one trailing newline. Terminal: a prompt without echo. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(prompt);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runUsersCli(process.argv.slice(2), { readPassword, out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`Failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
