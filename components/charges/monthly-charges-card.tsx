"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MonthlyChargesChart } from "@/components/charts/monthly-charges-chart";
import { Card, CardHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Money } from "@/components/ui/money";
import { QueryBoundary } from "@/components/ui/query-boundary";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHead } from "@/components/ui/table";
import { CHARGE_KINDS } from "@/lib/charges/monthly";
import type { MonthKey } from "@/lib/charges/months";
import { monthlySeriesOptions } from "@/lib/query/dashboard-queries";
import { formatMonth } from "@/lib/format";
import { Button } from "@/components/ui/button";

function MonthlyCharges({ selectedMonth, onSelectMonth }: { selectedMonth: MonthKey | null; onSelectMonth: (m: MonthKey) => void }) {
  const { data } = useSuspenseQuery(monthlySeriesOptions(12));
  const points = data.data;
  const currency = points[0]?.currency ?? "USD";
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      <MonthlyChargesChart points={points} currency={currency} selectedMonth={selectedMonth} onSelectMonth={onSelectMonth} />
      {/* The table is rendered only once opened: closed, it would be hidden DOM to hydrate on every load. */}
      <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-accent">Show the figures as a table</summary>
        {open ? (
          <ScrollRegion label="Monthly charges table (scrolls sideways)" className="mt-2">
            <Table density="card" className="min-w-[40rem]" aria-label="Monthly charges by kind">
              <TableHeader>
                <tr>
                  <TableHead>Month</TableHead>
                  {CHARGE_KINDS.map((k) => (
                    <TableHead key={k.key} align="right">
                      {k.label}
                    </TableHead>
                  ))}
                  <TableHead align="right">Total</TableHead>
                </tr>
              </TableHeader>
              <TableBody>
                {points.map((p) => (
                  <TableRow key={p.month} data-month={p.month} data-total={p.total}>
                    <TableRowHead>
                      <Button variant="ghost" size="sm" className="h-7 px-1 text-accent underline" onClick={() => onSelectMonth(p.month)}>
                        {formatMonth(`${p.month}-01`)}
                      </Button>
                    </TableRowHead>
                    {CHARGE_KINDS.map((k) => (
                      <TableCell key={k.key} align="right">
                        <Money amount={p[k.key]} currency={p.currency} />
                      </TableCell>
                    ))}
                    <TableCell align="right" className="font-medium">
                      <Money amount={p.total} currency={p.currency} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        ) : null}
      </details>
    </div>
  );
}

export function MonthlyChargesCard({ selectedMonth, onSelectMonth }: { selectedMonth: MonthKey | null; onSelectMonth: (m: MonthKey) => void }) {
  return (
    <Card aria-labelledby="monthly-title" data-testid="monthly-charges-card">
      <CardHeader
        title={<span id="monthly-title">Charges by month</span>}
        description="The last 12 months by kind; credits and adjustments below zero. Select a bar to see that month."
      />
      <QueryBoundary label="the monthly charges" fallback={<div role="status" className="h-72 animate-pulse rounded-md bg-border/60"><span className="sr-only">Loading the monthly charges…</span></div>}>
        <MonthlyCharges selectedMonth={selectedMonth} onSelectMonth={onSelectMonth} />
      </QueryBoundary>
    </Card>
  );
}
