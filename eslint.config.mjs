// Lint: Next's core-web-vitals rules (with react, react-hooks 7 and jsx-a11y), typescript-eslint's
// recommended rules, and the import boundaries of ARCHITECTURE.md (./eslint/client-boundaries.mjs).
// `npm run lint` allows no warning.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import clientBoundaries from "./eslint/client-boundaries.mjs";

const dashboard = { rules: { "client-boundaries": clientBoundaries } };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["data/**", "test-results*/**", "playwright-report/**", "bench/results/**", ".next-*/**", "e2e/.auth/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    plugins: { dashboard },
    rules: { "dashboard/client-boundaries": "error" },
  },
  {
    // In-app links go through components/ui/app-link.tsx (no prefetch unless asked).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/app-link.tsx", "components/shell/nav-links.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", importNames: ["default"], message: "Use AppLink from @/components/ui/app-link (no prefetch unless asked)." }] },
      ],
    },
  },
  {
    // The forms: validated in the browser with the same zod schemas the routes use.
    files: ["components/settings/**", "components/charges/custom-range-form.tsx", "app/login/login-form.tsx"],
    rules: { "dashboard/client-boundaries": ["error", { allowZod: true }] },
  },
  {
    // Tests: vitest helpers named use… (useTempDatabase) and Playwright's fixture `use` are not
    // React hooks; response bodies of unknown shape are read as `any`.
    files: ["**/*.test.{ts,tsx}", "**/*.contract.ts", "**/testing/**", "**/test-helpers.ts", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
];

export default config;
