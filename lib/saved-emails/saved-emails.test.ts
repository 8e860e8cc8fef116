import { describe, expect, it } from "vitest";
import { primaryDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSavedEmail, deleteSavedEmail, updateSavedEmail } from "@/lib/saved-emails/mutations";
import { findSavedEmail, findSavedEmails } from "@/lib/saved-emails/queries";
import { createSavedEmailSchema, updateSavedEmailSchema } from "@/lib/saved-emails/schemas";
import { createStudio } from "@/prisma/factories";

const db = () => primaryDb();
// The app's write transactions may take 15 s (lib/write-core.ts).
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
const errorOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (e: unknown) => e as AppError,
  );

const WEAR = {
  name: "What to wear",
  about: "JOB",
  subject: "What to wear for {{job.title}}",
  body: "Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.\n\n{{brand.name}}",
};

const create = (studioId: string, fields: Record<string, string>) =>
  inTx((tx) => createSavedEmail(tx, { studioId, input: createSavedEmailSchema.parse(fields) }));
const update = (studioId: string, fields: Record<string, string>) =>
  inTx((tx) => updateSavedEmail(tx, { studioId, input: updateSavedEmailSchema.parse(fields) }));

describe("saved emails", () => {
  it("are the studio's own, listed by name and by whom they are written to", async () => {
    const { studio } = await createStudio(db());
    const other = await createStudio(db());
    const wear = await create(studio.id, WEAR);
    await create(studio.id, {
      name: "Thanks for asking",
      about: "LEAD",
      subject: "About your {{lead.event_type}}",
      body: "Hi {{client.first_name}}, thank you for asking about {{lead.event_date}}.",
    });
    await create(other.studio.id, { ...WEAR, name: "A thank-you" });

    expect((await inTx((tx) => findSavedEmails(tx, { studioId: studio.id }))).map((e) => e.name)).toEqual([
      "Thanks for asking",
      "What to wear",
    ]);
    expect((await inTx((tx) => findSavedEmails(tx, { studioId: studio.id, about: "JOB" }))).map((e) => e.name)).toEqual(
      ["What to wear"],
    );
    expect(await inTx((tx) => findSavedEmail(tx, { studioId: other.studio.id, savedEmailId: wear.id }))).toBeNull();
  });

  it("refuse a field its client has not, a custom field and a name already used (any case), beside the field", async () => {
    const { studio } = await createStudio(db());
    await create(studio.id, WEAR);

    const wrongFields = await errorOf(
      create(studio.id, { ...WEAR, name: "Asking", about: "LEAD", body: "See you on {{job.date}}. {{custom.outfit}}" }),
    );
    expect(wrongFields).toBeInstanceOf(AppError);
    expect(wrongFields?.code).toBe("VALIDATION");
    expect(wrongFields?.fieldErrors?.body?.join(" ")).toMatch(/Unknown field \{\{job\.date\}\}/);
    expect(wrongFields?.fieldErrors?.body?.join(" ")).toMatch(/Custom fields cannot be used/);

    const taken = await errorOf(create(studio.id, { ...WEAR, name: "  what TO wear " }));
    expect(taken?.code).toBe("CONFLICT");
    expect(taken?.fieldErrors?.name).toEqual(["You already have a saved email with that name."]);
    expect(await inTx((tx) => findSavedEmails(tx, { studioId: studio.id }))).toHaveLength(1);
  });

  it("are changed and deleted only by their studio; another studio's id is not found and changes nothing", async () => {
    const { studio } = await createStudio(db());
    const other = await createStudio(db());
    const { id } = await create(studio.id, WEAR);

    await update(studio.id, {
      ...WEAR,
      savedEmailId: id,
      name: "What to wear (summer)",
      subject: "Summer: what to wear",
    });
    // Its own name again is not "taken".
    await update(studio.id, {
      ...WEAR,
      savedEmailId: id,
      name: "What to wear (summer)",
      subject: "Summer: what to wear",
    });
    expect(await inTx((tx) => findSavedEmail(tx, { studioId: studio.id, savedEmailId: id }))).toMatchObject({
      name: "What to wear (summer)",
      subject: "Summer: what to wear",
    });

    // Not found, even under a name the other studio already uses.
    await create(other.studio.id, { ...WEAR, name: "Mine now" });
    const foreign = await errorOf(update(other.studio.id, { ...WEAR, savedEmailId: id, name: "Mine now" }));
    expect(foreign?.code).toBe("NOT_FOUND");
    const foreignDelete = await errorOf(
      inTx((tx) => deleteSavedEmail(tx, { studioId: other.studio.id, savedEmailId: id })),
    );
    expect(foreignDelete?.code).toBe("NOT_FOUND");
    expect(await inTx((tx) => findSavedEmail(tx, { studioId: studio.id, savedEmailId: id }))).toMatchObject({
      name: "What to wear (summer)",
    });

    await inTx((tx) => deleteSavedEmail(tx, { studioId: studio.id, savedEmailId: id }));
    expect(await inTx((tx) => findSavedEmail(tx, { studioId: studio.id, savedEmailId: id }))).toBeNull();
  });
});
