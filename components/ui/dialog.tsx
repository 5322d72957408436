"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A modal dialog on the native <dialog> element: showModal() gives the focus trap, the inert page
 * behind it, Esc to close and focus returned to the opener, all from the browser. `open` controls
 * it; `onClose` runs however it closes (Esc, a button). While `busy`, Esc does not close it, so a
 * request in flight keeps its dialog until its outcome is known.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  busy = false,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  busy?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      data-slot="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-busy={busy || undefined}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-border bg-surface p-5 text-fg shadow-xl backdrop:bg-black/50",
        className,
      )}
    >
      {open ? (
        <>
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-2 text-sm text-muted">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}

/** The dialog's buttons, right-aligned; the safe choice (cancel) comes first. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap justify-end gap-2">{children}</div>;
}
