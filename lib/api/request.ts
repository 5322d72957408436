// Reading what the browser sent, before any validation. Kept apart from the route wrapper so
// routes that don't touch Telnyx (login) don't load the Telnyx client.
import type { z } from "zod";
import { ApiError, type ApiErrorItem } from "./errors";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * The parameter names a zod schema reads at its top level, or null when it can't say (then no
 * name is refused). Looks through optional/default wrappers, pipes, unions and intersections.
 */
export function schemaKeys(schema: z.ZodType | undefined): Set<string> | null {
  if (!schema) return new Set();
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const union = (parts: (z.ZodType | undefined)[]) => {
    const sets = parts.map(schemaKeys);
    return sets.some((s) => s === null) ? null : new Set(sets.flatMap((s) => [...s!]));
  };
  switch (def.type) {
    case "object":
      return new Set(Object.keys(def.shape as object));
    case "intersection":
      return union([def.left as z.ZodType, def.right as z.ZodType]);
    case "union":
      return union(def.options as z.ZodType[]);
    case "pipe":
      return schemaKeys(def.in as z.ZodType);
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "catch":
      return schemaKeys(def.innerType as z.ZodType);
    default:
      return null;
  }
}

const queryProblem = (parameter: string, detail: string): ApiErrorItem => ({
  code: "invalid_input",
  title: "Invalid input",
  detail,
  source: { parameter },
});

/**
 * The query string as an object, refusing (422, naming them) parameters the route does not take
 * (`page[size]` where it takes `size`: silently ignoring it would answer a different question) and
 * parameters given twice. `known` is every name the route reads; omit it to accept any.
 */
export function searchParamsObject(req: Request, known?: Set<string> | null): Record<string, string> {
  const params = new URL(req.url).searchParams;
  const problems: ApiErrorItem[] = [];
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (known && !known.has(name)) {
      const takes = known.size ? `it takes ${[...known].sort().join(", ")}` : "it takes no query parameters";
      problems.push(queryProblem(name, `${name}: unknown parameter for this route (${takes})`));
    } else if (params.getAll(name).length > 1) problems.push(queryProblem(name, `${name}: given more than once`));
  }
  if (problems.length) throw new ApiError("invalid_input", problems.map((p) => p.detail).join("; "), { items: problems });
  return Object.fromEntries(params);
}

export async function readJsonBody(req: Request): Promise<unknown> {
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json"))
    throw new ApiError("invalid_input", "The request body must be JSON (Content-Type: application/json).");
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError("invalid_input", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_input", "The request body is not valid JSON.");
  }
}
