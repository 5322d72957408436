import "server-only";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { log } from "@/lib/log";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { runOperation } from "@/lib/telnyx/run";
import { operationSpecs, type OperationName } from "@/lib/telnyx/operation-specs";
import { ApiError, errorResponse, invalidInput } from "./errors";
import { readJsonBody, schemaKeys, searchParamsObject } from "./request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteConfig<P, Q, B> {
  /** Who may call it; "public" only for health and login. */
  roles: readonly Role[] | "public";
  params?: P;
  query?: Q;
  /** Without a `query` schema: the query parameters the handler reads itself (default: none). */
  queryKeys?: readonly string[];
  body?: B;
}

export interface HandlerContext<P, Q, B> {
  req: Request;
  user: SessionUser;
  params: Out<P>;
  /** Path segments as Next passed them, before validation. */
  rawParams: Record<string, string>;
  /** The query string as sent (names already checked against the route's), before validation. */
  rawQuery: Record<string, string>;
  query: Out<Q>;
  body: Out<B>;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<S extends Schema | undefined>(schema: S, raw: unknown, where: "query" | "body" | "path"): Out<S> {
  if (!schema) return undefined as unknown as Out<S>;
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data as Out<S>;
}

/**
 * The one wrapper every API route goes through: same-origin check for writes, session, role,
 * then parameters, query and body validated with zod, and every failure in the Telnyx error shape.
 * A handler returns data (sent as JSON) or a Response.
 */
export function apiRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  config: RouteConfig<P, Q, B>,
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<unknown>,
) {
  // Query parameter names the route takes; any other is refused (null: the schema can't say).
  const knownQuery = config.query ? schemaKeys(config.query) : new Set(config.queryKeys ?? []);
  return async (req: Request, context?: NextRouteContext): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
      let user: SessionUser | null = null;
      if (config.roles !== "public") {
        user = await getSessionUser(req.headers);
        if (!user) throw new ApiError("unauthorized", "Sign in to continue.");
        if (!config.roles.includes(user.role))
          throw new ApiError("forbidden", "Your role does not allow this. Ask an account owner.");
      }
      const rawParams = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]),
      );
      const params = parse(config.params as P, rawParams, "path");
      const rawQuery = searchParamsObject(req, knownQuery);
      const query = parse(config.query as Q, rawQuery, "query");
      const body = config.body ? parse(config.body as B, await readJsonBody(req), "body") : (undefined as Out<B>);
      const result = await handler({ req, user: user as SessionUser, params, rawParams, rawQuery, query, body });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { "cache-control": "private, no-store" } });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      log.error("api.unhandled", { path: new URL(req.url).pathname, message: (error as Error)?.message });
      return errorResponse(new ApiError("internal", "Something went wrong on the dashboard's server."));
    }
  };
}

/** A route that is exactly one Telnyx read: path parameters and query are its input. */
export function operationRoute(name: OperationName) {
  const spec = operationSpecs[name];
  if (spec.method !== "GET") throw new Error(`${name} is a write; give it its own route`);
  // The query may name any input the path ({id}) does not already give.
  const pathKeys = [...(spec.path ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const queryKeys = [...(schemaKeys(spec.input) ?? [])].filter((k) => !pathKeys.includes(k));
  return apiRoute({ roles: spec.roles, queryKeys }, ({ rawQuery, rawParams }) =>
    runOperation(name, { ...rawQuery, ...rawParams } as never),
  );
}
