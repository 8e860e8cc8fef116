import "server-only";
import { createHash } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { type z } from "zod";
import { type Db, type Tx, readDb } from "@/lib/db";
import { AppError, toAppError, unexpectedFailureMessage } from "@/lib/errors";
import { parseBody, readBodyBytes, requireReadableType } from "@/lib/routes";
import { type Committed, runWrite } from "@/lib/write-core";
import { ApiRefusal, authenticateApiRequest, type ApiPrincipal } from "@/lib/api/auth";
import { problemResponse } from "@/lib/api/problem";
import { requestLogger } from "@/lib/log/request";
import { READ_AFTER_HEADER } from "@/lib/api/read-after";

// The two ways an /api/v1 route handler is written: defineApiRead for GET (reads from this
// request's read host, chosen by proxy.ts like a page's) and defineApiWrite for POST and PATCH
// (the one write core: zod, one primary transaction, pins). Both authenticate the bearer token, count the
// request against its rate limit and answer every failure as problem details.

type RouteContext<P> = { params: Promise<P> };

type ReadContext<P> = { principal: ApiPrincipal; db: Db; params: P; query: Record<string, string> };

function failureResponse(error: unknown, headers: Record<string, string>, request: NextRequest): NextResponse {
  if (error instanceof ApiRefusal)
    return problemResponse(error.status, error.message, { headers: { ...headers, ...error.headers } });
  const known = toAppError(error);
  if (known) return problemResponse(known.status, known.message, { fieldErrors: known.fieldErrors, headers });
  const log = requestLogger(request.headers);
  log.error({ err: error }, "api request failed");
  return problemResponse(500, unexpectedFailureMessage(log.bindings().requestId), { headers });
}

/** A GET under /api/v1: `read` returns the JSON body. */
export function defineApiRead<P = Record<string, never>>(read: (ctx: ReadContext<P>) => Promise<unknown>) {
  return async function handler(request: NextRequest, context: RouteContext<P>): Promise<NextResponse> {
    let headers: Record<string, string> = {};
    try {
      const auth = await authenticateApiRequest(request);
      headers = auth.headers;
      const body = await read({
        principal: auth.principal,
        db: await readDb(),
        params: await context.params,
        query: Object.fromEntries(request.nextUrl.searchParams),
      });
      return NextResponse.json(body, { headers });
    } catch (error) {
      return failureResponse(error, headers, request);
    }
  };
}

type WriteDefinition<S extends z.ZodType, P> = {
  schema: S;
  run: (ctx: {
    tx: Tx;
    input: z.infer<S>;
    user: ApiPrincipal["user"];
    /** The studio's time zone, read with the token. */
    timeZone: string;
    params: P;
  }) => Promise<Committed & { status?: number; body: unknown; location?: string }>;
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The Idempotency-Key of a POST, scoped to the token, with a hash of what was asked (method,
 * path, content type and exact body): the same key with another request is refused.
 */
function idempotencyOf(request: NextRequest, tokenId: string, type: string, body: Uint8Array) {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new AppError("VALIDATION", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${request.nextUrl.pathname}\n${type}\n`)
    .update(body)
    .digest("hex");
  return { key: `api:${tokenId}:${key}`, fingerprint };
}

/**
 * A POST or PATCH under /api/v1: needs a write token; answers the run's body with its status
 * (201 unless given) and, for a created item, its URL in Location.
 */
export function defineApiWrite<S extends z.ZodType, P = Record<string, never>>(def: WriteDefinition<S, P>) {
  return async function handler(request: NextRequest, context: RouteContext<P>): Promise<NextResponse> {
    let headers: Record<string, string> = {};
    try {
      const { principal, headers: limitHeaders } = await authenticateApiRequest(request);
      headers = limitHeaders;
      if (principal.scope !== "WRITE")
        throw new ApiRefusal(403, "This token is read-only: create a token with read and write access to do this.");
      const type = requireReadableType(request);
      const body = await readBodyBytes(request);
      const params = await context.params;
      const result = await runWrite({
        access: "owner",
        schema: def.schema,
        kind: "api",
        authenticate: async () => principal.user,
        idempotency: idempotencyOf(request, principal.tokenId, type, body),
        readInput: () => parseBody(type, body),
        log: async () => requestLogger(request.headers),
        context: { params },
        run: ({ tx, input, params }) =>
          def.run({ tx, input, user: principal.user, timeZone: principal.timeZone, params }),
      });
      if (!result.ok) {
        const hasFields = Object.keys(result.fieldErrors).length > 0;
        return problemResponse(result.status, hasFields ? "Some fields are not valid: see errors." : result.message, {
          fieldErrors: result.fieldErrors,
          headers,
        });
      }
      if (result.readAfter) headers[READ_AFTER_HEADER] = result.readAfter;
      if (result.outcome.location) headers.Location = result.outcome.location;
      return NextResponse.json(result.outcome.body, { status: result.outcome.status ?? 201, headers });
    } catch (error) {
      return failureResponse(error, headers, request);
    }
  };
}
