import "server-only";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { recordAction } from "@/lib/action-log";
import { log } from "@/lib/log";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { runOperation } from "@/lib/telnyx/run";
import { bearerToken, tokenUser } from "@/lib/tokens/bearer";
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
  /** Only a signed-in person, never an API token (managing tokens, approvals and sessions). */
  sessionsOnly?: boolean;
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
    let user: SessionUser | null = null;
    try {
      // A bearer token is no ambient credential: no same-origin check, and never the session cookie.
      const bearer = config.roles === "public" ? null : bearerToken(req.headers);
      if (bearer === null && !SAFE_METHODS.has(req.method)) assertSameOrigin(req);
      if (config.roles !== "public") {
        user = bearer === null ? await getSessionUser(req.headers) : await tokenUser(req, bearer, { sessionsOnly: config.sessionsOnly });
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
      const res = result instanceof Response ? result : jsonResponse(result);
      return await tokenWriteLogged(req, user, res);
    } catch (error) {
      const res =
        error instanceof ApiError
          ? errorResponse(error)
          : (log.error("api.unhandled", { path: new URL(req.url).pathname, message: (error as Error)?.message }),
            errorResponse(new ApiError("internal", "Something went wrong on the dashboard's server.")));
      return tokenWriteLogged(req, user, res);
    }
  };
}

/** Below this size an answer is sent as is: gzip would cost more time than the bytes it saves. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * A handler's data as JSON. Next compresses every answer whose length it doesn't know, and it
 * drops a route's Content-Length, so a small answer says `no-transform`, which its compression
 * honours (as any proxy must); larger answers are still gzipped.
 */
export function jsonResponse(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body = JSON.stringify(data);
  const small = Buffer.byteLength(body) < COMPRESS_MIN_BYTES;
  return new Response(body, {
    status: init.status,
    headers: { "content-type": "application/json", "cache-control": small ? "private, no-store, no-transform" : "private, no-store", ...init.headers },
  });
}

/** Every write made with an API token is in the action log with the token's name (via recordAction). */
async function tokenWriteLogged(req: Request, user: SessionUser | null, res: Response): Promise<Response> {
  if (!user?.token || SAFE_METHODS.has(req.method)) return res;
  await recordAction({
    user,
    action: "api_token.write",
    params: { method: req.method, path: new URL(req.url).pathname, status: res.status },
    outcome: res.status < 400 ? "success" : res.status === 504 ? "unknown" : "failure",
  });
  return res;
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
