import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createStudio } from "@/prisma/factories";
import { defineAction } from "@/lib/actions";
import { dbForHost, primaryDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineWriteRoute } from "@/lib/routes";

const schema = z.object({ tag: z.string().min(3, "Too short.") });

function post(body: unknown) {
  return new NextRequest("http://localhost/api/test", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function countLeads(studioId: string, tag: string) {
  return primaryDb().lead.count({ where: { studioId, name: { startsWith: tag } } });
}

describe("the write wrappers", () => {
  it("a route that writes two rows and then fails leaves neither, and answers 500 without a stack trace", async () => {
    const { studio } = await createStudio(primaryDb());
    const handler = defineWriteRoute({
      access: "public",
      schema,
      async run({ tx, input }) {
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} one`, email: "a@example.com", eventType: "wedding" },
        });
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} two`, email: "b@example.com", eventType: "wedding" },
        });
        throw new Error("boom after two inserts");
      },
    });
    const res = await handler(post({ tag: "rollback" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toBe("Something went wrong and nothing was saved.");
    expect(JSON.stringify(body)).not.toContain("boom");
    expect(await countLeads(studio.id, "rollback")).toBe(0);
  });

  it("an expected failure after writes rolls back and answers with its code and message", async () => {
    const { studio } = await createStudio(primaryDb());
    const handler = defineWriteRoute({
      access: "public",
      schema,
      async run({ tx, input }) {
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} one`, email: "a@example.com", eventType: "wedding" },
        });
        throw new AppError("CONFLICT", "That already exists.");
      },
    });
    const res = await handler(post({ tag: "conflict" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe("That already exists.");
    expect(await countLeads(studio.id, "conflict")).toBe(0);
  });

  it("bad input answers 400 with field errors and runs nothing", async () => {
    let ran = false;
    const handler = defineWriteRoute({
      access: "public",
      schema,
      async run() {
        ran = true;
        return { body: {}, revalidate: [] };
      },
    });
    const short = await handler(post({ tag: "x" }), { params: Promise.resolve({}) });
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.tag).toEqual(["Too short."]);
    const notJson = await handler(
      new NextRequest("http://localhost/api/test", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{nope",
      }),
      { params: Promise.resolve({}) },
    );
    expect(notJson.status).toBe(400);
    expect(ran).toBe(false);
  });

  it("a server action that writes two rows then throws an expected error leaves neither and returns the message", async () => {
    const { studio } = await createStudio(primaryDb());
    const action = defineAction({
      access: "public",
      schema,
      async run({ tx, input }) {
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} one`, email: "a@example.com", eventType: "wedding" },
        });
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} two`, email: "b@example.com", eventType: "wedding" },
        });
        throw new AppError("VALIDATION", "The date is taken.", { date: ["The date is taken."] });
      },
    });
    const form = new FormData();
    form.set("tag", "action-rollback");
    const state = await action({ ok: false }, form);
    expect(state).toMatchObject({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { date: ["The date is taken."] },
      values: { tag: "action-rollback" },
    });
    expect(await countLeads(studio.id, "action-rollback")).toBe(0);
  });
});

describe("a create form's one-time token", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it("a double-clicked create makes one row, and both clicks get the same outcome", async () => {
    const { studio } = await createStudio(primaryDb());
    let n = 0;
    const action = defineAction({
      access: "public",
      schema,
      async run({ tx, input }) {
        const lead = await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} ${++n}`, email: "a@example.com", eventType: "wedding" },
          select: { id: true },
        });
        return { revalidate: [], redirectTo: `/leads/${lead.id}` };
      },
    });
    const formToken = `double-click-${studio.id.slice(-12)}`;
    const answers = await Promise.allSettled([
      action({ ok: false }, form({ tag: "double-click", formToken })),
      action({ ok: false }, form({ tag: "double-click", formToken })),
    ]);
    expect(await countLeads(studio.id, "double-click")).toBe(1);
    // Both answers redirect to the one lead (Next.js throws its redirect as an error with a digest).
    const [first, second] = answers.map((a) =>
      a.status === "rejected" ? String((a.reason as { digest?: string }).digest) : JSON.stringify(a.value),
    );
    expect(first).toMatch(/^NEXT_REDIRECT;replace;\/leads\/[\w-]+;/);
    expect(second).toBe(first);

    // The next submit of the form carries a new token and creates another.
    await action({ ok: false }, form({ tag: "double-click", formToken: `${formToken}-next` })).catch(() => {});
    expect(await countLeads(studio.id, "double-click")).toBe(2);
  });

  it("a repeat of a submit that failed and rolled back runs again", async () => {
    const { studio } = await createStudio(primaryDb());
    let attempts = 0;
    const action = defineAction({
      access: "public",
      schema,
      async run({ tx, input }) {
        await tx.lead.create({
          data: { studioId: studio.id, name: `${input.tag} row`, email: "a@example.com", eventType: "wedding" },
        });
        if (++attempts === 1) throw new AppError("CONFLICT", "Try again.");
        return { revalidate: [], message: "Saved." };
      },
    });
    const formToken = `retry-after-failure-${studio.id.slice(-12)}`;
    expect(await action({ ok: false }, form({ tag: "retried", formToken }))).toMatchObject({
      ok: false,
      message: "Try again.",
    });
    expect(await action({ ok: false }, form({ tag: "retried", formToken }))).toMatchObject({
      ok: true,
      message: "Saved.",
    });
    expect(await countLeads(studio.id, "retried")).toBe(1);
  });
});

describe("routing inside the Prisma client", () => {
  it("$transaction and raw SQL run on the primary even through a replica-routed client, plain reads on the replica", async () => {
    const { studio } = await createStudio(primaryDb());
    const routed = dbForHost("replica-1"); // applies WAL 3 s late
    expect(await routed.studio.findUnique({ where: { id: studio.id } })).toBeNull();
    const raw = await routed.$queryRaw<
      { app: string; recovery: boolean }[]
    >`SELECT current_setting('application_name') AS app, pg_is_in_recovery() AS recovery`;
    expect(raw[0]).toEqual({ app: "shootq-primary", recovery: false });
    const inTx = await routed.$transaction((tx) =>
      tx.studio.findUnique({ where: { id: studio.id }, select: { id: true } }),
    );
    expect(inTx?.id).toBe(studio.id);
    const viaPrimary = await routed.$primary().studio.findUnique({ where: { id: studio.id }, select: { id: true } });
    expect(viaPrimary?.id).toBe(studio.id);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("a NUL character is refused beside its field by actions and routes, and nothing runs", async () => {
    let ran = false;
    const run = async () => {
      ran = true;
      return { revalidate: [], body: {} };
    };
    const action = defineAction({ access: "public", schema, run });
    const form = new FormData();
    form.set("tag", "abc\u0000def");
    expect(await action({ ok: false }, form)).toMatchObject({
      ok: false,
      fieldErrors: { tag: ["Remove the invisible control characters from this field."] },
    });
    const route = defineWriteRoute({ access: "public", schema, run });
    const res = await route(post({ tag: "abc\u0000def" }), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors.tag).toEqual(["Remove the invisible control characters from this field."]);
    expect(ran).toBe(false);
  });

  it("an action called with something other than a form answers with a message instead of throwing", async () => {
    const action = defineAction({ access: "public", schema, run: async () => ({ revalidate: [] }) });
    expect(await action({ ok: false }, { tag: "abc" } as unknown as FormData)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be read/),
    });
  });
});
