import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClass } from "./control-styles";

/** A full-width text input in a form: the shared control look, taller, with the invalid state. */
export const inputClassName = cn(controlClass, "h-10 w-full px-3 placeholder:text-muted disabled:cursor-not-allowed aria-invalid:border-danger");

/** A schema message ("must be at least 5.00") as a sentence under its field. */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/**
 * A label, the control, a hint and the field's error, wired together: the control gets the id the
 * label points at, and aria-describedby/aria-invalid for the hint and the error.
 */
export function FormField({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div data-slot="form-field" className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {asSentence(error)}
        </p>
      ) : null}
    </div>
  );
}
