// The end of every command-line script: exit with main's code, or print the error under the
// command's name and exit 1 (no stack trace for a person at a terminal).
export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
