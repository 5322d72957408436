// Addresses and accounts of the e2e run, shared by the config, the fixtures and the specs.
const port = Number(process.env.E2E_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4110);

export const E2E = {
  port,
  simPort,
  baseURL: `http://127.0.0.1:${port}`,
  simURL: `http://127.0.0.1:${simPort}`,
  users: {
    owner: { email: "owner@e2e.test", password: "owner-password-e2e-1" },
    finance: { email: "finance@e2e.test", password: "finance-password-e2e-1" },
  },
  // A fake key: the build-output scan asserts it never reaches the browser.
  apiKey: "KEYe2e_fake_telnyx_key_must_not_leak_0123456789",
  get dashboardEnv(): Record<string, string> {
    return {
      PORT: String(port),
      TELNYX_API_KEY: this.apiKey,
      TELNYX_API_BASE_URL: `${this.simURL}/v2`,
      DATABASE_URL: `./data/e2e-${port}.sqlite`,
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      // The ledger's worker would add upstream calls the specs count; ledger specs turn it on themselves.
      SYNC_WORKER: "off",
      E2E_OWNER_EMAIL: this.users.owner.email,
      E2E_OWNER_PASSWORD: this.users.owner.password,
      E2E_FINANCE_EMAIL: this.users.finance.email,
      E2E_FINANCE_PASSWORD: this.users.finance.password,
    };
  },
};
