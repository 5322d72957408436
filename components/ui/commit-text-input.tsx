"use client";

import { useState, type InputHTMLAttributes } from "react";
import { controlClass, labelClass } from "./control-styles";

/**
 * A text filter that applies on Enter or when it loses focus, not on every keystroke, so a query
 * that goes upstream runs once per search rather than once per letter.
 */
export function CommitTextInput({
  label,
  value,
  onCommit,
  hint,
  ...rest
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const [draft, setDraft] = useState(value);
  // A new value from outside (the URL changed) replaces the draft, during render, not in an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft.trim() !== value.trim()) onCommit(draft.trim());
  };
  return (
    <label className={labelClass}>
      {label}
      <input
        type="search"
        className={controlClass}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        {...rest}
      />
      {hint ? <span className="font-normal">{hint}</span> : null}
    </label>
  );
}
