// Class names shared by plain form controls (inputs, selects) so filters look alike everywhere.
export const controlClass =
  "h-9 rounded-md border border-border bg-surface px-2 text-sm text-fg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:opacity-50";
export const labelClass = "flex flex-col gap-1 text-xs font-medium text-muted";
