"use client";

// The billing settings forms validate with the routes' zod schemas (./form-schemas.ts), but the
// page's first screen needs none of it: the module is fetched when the browser is first idle, when
// a form takes focus, or at the latest by the first validation (each resolver awaits it).
import { useEffect, useSyncExternalStore } from "react";
import type { FieldValues, Resolver } from "react-hook-form";
import { whenIdle } from "@/lib/utils/when-idle";

type FormSchemas = typeof import("./form-schemas");

let loaded: FormSchemas | null = null;
let loading: Promise<FormSchemas> | null = null;
const listeners = new Set<() => void>();

export function loadFormSchemas(): Promise<FormSchemas> {
  loading ??= import("./form-schemas").then(
    (m) => {
      loaded = m;
      for (const listener of listeners) listener();
      return m;
    },
    (error: unknown) => {
      // A failed fetch (offline, a new deployment) is tried again next time.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Start fetching the schemas (e.g. on a form's focus); a failure is retried by the next call. */
export function prefetchFormSchemas(): void {
  loadFormSchemas().catch(() => undefined);
}

/** A resolver that loads the schemas on its first validation, then validates with the one `pick` builds. */
export function lazyResolver<T extends FieldValues, R = T>(pick: (schemas: FormSchemas) => Resolver<T, unknown, R>): Resolver<T, unknown, R> {
  let resolver: Resolver<T, unknown, R> | null = null;
  return async (values, context, options) => (resolver ??= pick(await loadFormSchemas()))(values, context, options);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The schemas once loaded (null before, and on the server); fetched when the browser is first idle. */
export function useFormSchemas(): FormSchemas | null {
  useEffect(() => whenIdle(prefetchFormSchemas, { timeout: 3000, fallbackMs: 1000 }), []);
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}
