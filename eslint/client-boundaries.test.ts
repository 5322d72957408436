// The import boundaries, through the project's own ESLint config (so the form allowance is tested too).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "dashboard/client-boundaries").map((m) => m.message);
}

// Loading the config (next's plugins, typescript-eslint) takes seconds on a busy machine.
describe("client boundaries", { timeout: 90_000 }, () => {
  it("refuses zod in a component that is not a form, naming the chain", async () => {
    const messages = await boundaryMessages("components/zz/probe.tsx", 'import { invoiceSearchQuery } from "@/lib/invoices/schemas";\nexport const x = invoiceSearchQuery;\n');
    expect(messages).toEqual([expect.stringContaining("lib/invoices/schemas.ts → zod")]);
    expect(await boundaryMessages("components/zz/probe.tsx", 'import { dateRange } from "@/lib/telnyx/schemas/detail-records";\nexport const x = dateRange;\n')).toHaveLength(1);
  });

  it("allows type-only imports, the contract's constants and the routes table", async () => {
    const code = [
      'import type { Invoice } from "@/lib/telnyx/schemas/invoices";',
      'import { type AuditEvent } from "@/lib/telnyx/schemas/audit-events";',
      'import { CHANGE_MADE_BY } from "@/lib/telnyx/contract";',
      'import { operationRoutes } from "@/lib/telnyx/operation-routes";',
      "export const x: [Invoice?, AuditEvent?] = [];",
      "export const y = [CHANGE_MADE_BY, operationRoutes];",
    ].join("\n");
    expect(await boundaryMessages("components/zz/probe.tsx", code)).toEqual([]);
  });

  it("allows zod's schemas in the forms", async () => {
    expect(await boundaryMessages("components/settings/probe.tsx", 'import { paymentRequest } from "@/lib/telnyx/schemas/payments";\nexport const x = paymentRequest;\n')).toEqual([]);
  });

  it("refuses server modules, directly or through another module, in components and 'use client' modules", async () => {
    expect(await boundaryMessages("components/zz/probe.tsx", 'import { getServerQueryClient } from "@/lib/query/server";\nexport const x = getServerQueryClient;\n')).toEqual([
      expect.stringContaining("lib/query/server.ts → server-only"),
    ]);
    const code = 'import { getDb } from "@/lib/db";\nexport const x = getDb;\n';
    expect(await boundaryMessages("lib/zz-probe.ts", `"use client";\n${code}`)).toEqual([expect.stringContaining("lib/db/index.ts")]);
    // A server module may import it.
    expect(await boundaryMessages("lib/zz-probe.ts", code)).toEqual([]);
  });
});
