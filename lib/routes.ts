import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { type z } from "zod";
import { type Tx } from "@/lib/db";
import { requestLogger } from "@/lib/log/request";
import { AppError } from "@/lib/errors";
import { BodyTooLargeError, readBodyCapped } from "@/lib/request-body";
import { type Access, type Committed, runWrite, type UserFor } from "@/lib/write-core";

// Route handlers that write: the write core (lib/write-core.ts) answered as JSON with a status
// code. GET handlers read through readDb() like pages do.

type RouteContext<P> = { params: Promise<P> };

type RouteDefinition<S extends z.ZodType, A extends Access, P> = {
  access: A;
  schema: S;
  run: (ctx: {
    tx: Tx;
    input: z.infer<S>;
    user: UserFor<A>;
    params: P;
    request: NextRequest;
  }) => Promise<Committed & { status?: number; body: unknown }>;
  /** Extra headers on every answer, e.g. CORS for the embeddable inquiry form. */
  headers?: Record<string, string>;
  /** Reads the input instead of the JSON or form body, e.g. a webhook verified against its exact bytes. */
  readBody?: (request: NextRequest) => Promise<unknown>;
};

const MAX_BODY_BYTES = 64 * 1024;

const TOO_LARGE = "The request is too large.";

/** A request's body, capped at MAX_BODY_BYTES; unreadable or too large bodies are AppErrors. */
export async function readBodyBytes(request: NextRequest): Promise<Uint8Array> {
  try {
    return await readBodyCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new AppError("TOO_LARGE", TOO_LARGE);
    throw new AppError("VALIDATION", "The request body could not be read.");
  }
}

/** A JSON or form body as a plain object; anything else is refused with a clear message. */
export async function parseBody(type: string, body: Uint8Array): Promise<unknown> {
  if (type.includes("application/json")) {
    try {
      return JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new AppError("VALIDATION", "The request body is not valid JSON.");
    }
  }
  try {
    const form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
    return Object.fromEntries(form.entries());
  } catch {
    throw new AppError("VALIDATION", "The form could not be read.");
  }
}

export function requireReadableType(request: NextRequest): string {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json") && !type.includes("form"))
    throw new AppError("VALIDATION", "Send JSON (application/json) or a form.");
  return type;
}

async function readBody(request: NextRequest): Promise<unknown> {
  const type = requireReadableType(request);
  return parseBody(type, await readBodyBytes(request));
}

/** A POST/PUT/PATCH/DELETE handler: parsed, authorised, one primary transaction, pinned. */
export function defineWriteRoute<S extends z.ZodType, A extends Access, P = Record<string, string>>(
  def: RouteDefinition<S, A, P>,
) {
  return async function handler(request: NextRequest, context: RouteContext<P>): Promise<NextResponse> {
    const headers = def.headers ?? {};
    const result = await runWrite({
      access: def.access,
      schema: def.schema,
      kind: "route",
      readInput: () => (def.readBody ?? readBody)(request),
      log: async () => requestLogger(request.headers),
      context: { params: await context.params, request },
      run: def.run,
    });
    if (!result.ok)
      return NextResponse.json(
        { error: result.message, fieldErrors: result.fieldErrors },
        { status: result.status, headers },
      );
    return NextResponse.json(result.outcome.body, { status: result.outcome.status ?? 200, headers });
  };
}
