import "server-only";
import { parseServerEnv, type ServerEnv } from "./env-schema.mjs";

let cached: ServerEnv | undefined;

/** The validated server environment (read once per process). */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** Tests change process.env between cases. */
export function resetServerEnvForTests(): void {
  cached = undefined;
}

export function isDemoMode(): boolean {
  return serverEnv().TELNYX_API_KEY === undefined;
}
