// Previous / page N of M / next, under a paged table.
import type { ReactNode } from "react";
import { Button } from "./button";

export function Pager({
  label,
  page,
  totalPages,
  onPage,
  previousLabel = "Previous",
  nextLabel = "Next",
  children,
}: {
  /** The nav's accessible name ("Delivery pages"). */
  label: string;
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  previousLabel?: string;
  nextLabel?: string;
  /** The middle text; default "Page N of M". */
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-3 py-2 text-xs">
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {previousLabel}
      </Button>
      {children ?? (
        <span>
          Page {page} of {Math.max(1, totalPages)}
        </span>
      )}
      <Button variant="secondary" size="sm" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        {nextLabel}
      </Button>
    </nav>
  );
}
