"use client";

// The last resort when the root layout itself fails: it renders its own document, so it carries
// its own minimal styles (following the system's dark mode) and offers a retry.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "3rem 1rem", colorScheme: "light dark" }}>
        <title>Something went wrong · Telnyx Billing</title>
        <main role="alert" style={{ maxWidth: "32rem", margin: "0 auto" }}>
          <h1 style={{ fontSize: "1.5rem" }}>The dashboard couldn&apos;t load</h1>
          <p>Something went wrong on our side. Try again; if it keeps happening, tell the administrator.</p>
          {digest ? <p style={{ fontSize: "0.8rem", opacity: 0.75 }}>Reference: {digest}</p> : null}
          <button
            type="button"
            onClick={() => retry()}
            style={{ marginTop: "1rem", padding: "0.5rem 1rem", borderRadius: "0.375rem", border: "1px solid currentColor", background: "transparent", color: "inherit", cursor: "pointer" }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
