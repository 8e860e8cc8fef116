import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getSessionUser, type StudioUser } from "@/lib/auth/guards";
import { primaryDb, type Tx } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import { unstorableFields } from "@/lib/input";
import { revalidate } from "@/lib/revalidate";

// Route handlers that write: the same rules as server actions (lib/actions.ts), answered as JSON
// with a status code. GET handlers read through readDb() like pages do.

type Access = "public" | "studio";
type RouteContext<P> = { params: Promise<P> };

type RouteDefinition<S extends z.ZodType, A extends Access, P> = {
  access: A;
  schema: S;
  run: (ctx: {
    tx: Tx;
    input: z.infer<S>;
    user: A extends "public" ? null : StudioUser;
    params: P;
    request: NextRequest;
  }) => Promise<{ status?: number; body: unknown; revalidate: string[] }>;
  /** Extra headers on every answer, e.g. CORS for the embeddable inquiry form. */
  headers?: Record<string, string>;
};

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(request: NextRequest): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("VALIDATION", "The request is too large.");
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError("VALIDATION", "The request is too large.");
    try {
      return JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "The request body is not valid JSON.");
    }
  }
  if (type.includes("form")) return Object.fromEntries((await request.formData()).entries());
  throw new AppError("VALIDATION", "Send JSON (application/json) or a form.");
}

/** A POST/PUT/PATCH/DELETE handler: parsed, authorised, one primary transaction, pinned. */
export function defineWriteRoute<S extends z.ZodType, A extends Access, P = Record<string, string>>(def: RouteDefinition<S, A, P>) {
  return async function handler(request: NextRequest, context: RouteContext<P>): Promise<NextResponse> {
    const headers = def.headers ?? {};
    try {
      let user: StudioUser | null = null;
      if (def.access === "studio") {
        const current = await getSessionUser();
        if (!current) throw new AppError("UNAUTHENTICATED", "Sign in first.");
        if (!current.studioId || current.role === "ADMIN") throw new AppError("NOT_FOUND", "Not found.");
        user = current as StudioUser;
      }
      const body = await readBody(request);
      const unstorable = body && typeof body === "object" ? unstorableFields(body as Record<string, unknown>) : {};
      if (Object.keys(unstorable).length > 0) {
        return NextResponse.json({ error: "Please correct the highlighted fields.", fieldErrors: unstorable }, { status: 400, headers });
      }
      const parsed = def.schema.safeParse(body);
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
        return NextResponse.json({ error: "Please correct the highlighted fields.", fieldErrors }, { status: 400, headers });
      }
      const params = await context.params;
      const result = await primaryDb().$transaction(
        (tx) => def.run({ tx, input: parsed.data, user: user as A extends "public" ? null : StudioUser, params, request }),
        { maxWait: 5_000, timeout: 15_000 },
      );
      await revalidate(result.revalidate);
      return NextResponse.json(result.body, { status: result.status ?? 200, headers });
    } catch (error) {
      const known = toAppError(error);
      if (known) return NextResponse.json({ error: known.message, fieldErrors: known.fieldErrors }, { status: known.status, headers });
      console.error(JSON.stringify({ msg: "route failed", requestId: request.headers.get("x-request-id"), error: String((error as Error)?.stack ?? error) }));
      return NextResponse.json({ error: "Something went wrong and nothing was saved." }, { status: 500, headers });
    }
  };
}
