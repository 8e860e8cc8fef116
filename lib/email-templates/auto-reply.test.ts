import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { primaryDb, type Tx } from "@/lib/db";
import { saveEmailTemplate, sendEmailTemplateTest } from "@/lib/email-templates/mutations";
import { findEmailTemplateSettings } from "@/lib/email-templates/queries";
import { saveEmailTemplateSchema, testEmailTemplateSchema } from "@/lib/email-templates/schemas";
import { renderOutboxEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { createLead } from "@/lib/leads/mutations";
import { createLeadSchema } from "@/lib/leads/schemas";
import { createStudio, randomSuffix } from "@/prisma/factories";

const db = () => primaryDb();
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn);
const address = () => `198.51.100.${randomBytes(1)[0] % 250}-${randomBytes(4).toString("hex")}`;

async function inquire(slug: string, fields: Record<string, string> = {}) {
  const email = `grace-${randomSuffix()}@example.com`;
  const input = submitInquirySchema.parse({
    name: "Grace Nguyen",
    email,
    eventType: "wedding",
    eventDate: "2027-06-12",
    message: "Are you free?",
    ...fields,
  });
  const outcome = await inTx((tx) => submitInquiry(tx, { slug, clientAddress: address(), input }));
  return { email, outcome };
}

const countAutoReplies = (to: string) => db().emailMessage.count({ where: { to, kind: "inquiry.auto-reply" } });

/** The one auto-reply queued to `to`, rendered as the worker would send it. */
async function autoReplyTo(to: string) {
  const row = await db().emailMessage.findFirstOrThrow({ where: { to, kind: "inquiry.auto-reply", status: "QUEUED" } });
  const rendered = await inTx((tx) => renderOutboxEmail(tx, row, { origin: "https://app.shootq.test" }));
  if (!rendered.ok) throw new Error(`the auto-reply to ${to} was not rendered: ${rendered.reason}`);
  return rendered;
}

const save = (studioId: string, fields: Record<string, string | undefined>) =>
  inTx((tx) =>
    saveEmailTemplate(tx, {
      studioId,
      input: saveEmailTemplateSchema.parse({ kind: "inquiry.auto-reply", ...fields }),
    }),
  );

describe("inquiry auto-reply", () => {
  it("answers an inquiry in the chosen brand's name with ShootQ's wording until the studio writes its own", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Lumen & Lace", "Northlight Portraits"] });
    const { email } = await inquire(studio.slug, { brandId: brands[1].id });
    expect(await countAutoReplies(email)).toBe(1);
    const reply = await autoReplyTo(email);
    expect(reply.subject).toBe("Thank you for your inquiry, Grace");
    expect(reply.sender).toBe("Northlight Portraits");
    expect(reply.text).toContain("Hi Grace,");
    expect(reply.text).toContain("Northlight Portraits about your wedding");
    expect(reply.html).toContain("<p>Hi Grace,</p>");
  });

  it("uses the brand's own words, escapes what the client typed, and sends nothing for a brand that turned it off", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Lumen & Lace", "Northlight Portraits"] });
    await save(studio.id, {
      brandId: brands[0].id,
      isEnabled: "on",
      subject: "{{brand.name}} got your note, {{client.first_name}}",
      body: "Dear {{client.name}},\n\nYour {{lead.event_type}} on {{lead.event_date}} sounds lovely.\nTalk soon!",
    });
    await save(studio.id, { brandId: brands[1].id, subject: "Off", body: "Not sent" });

    const { email } = await inquire(studio.slug, { name: "<b>Ana</b> Lima", brandId: brands[0].id });
    const reply = await autoReplyTo(email);
    expect(reply.subject).toBe("Lumen & Lace got your note, <b>Ana</b>");
    expect(reply.text).toContain("Your wedding on Saturday, June 12, 2027 sounds lovely.\nTalk soon!");
    expect(reply.html).toContain("Dear &lt;b&gt;Ana&lt;/b&gt; Lima,");
    expect(reply.html).not.toContain("<b>");

    const off = await inquire(studio.slug, { brandId: brands[1].id });
    expect(off.outcome.kind).toBe("created");
    expect(await countAutoReplies(off.email)).toBe(0);
    const settings = await inTx((tx) =>
      findEmailTemplateSettings(tx, { studioId: studio.id, kind: "inquiry.auto-reply" }),
    );
    expect(settings.map((s) => [s.brandName, s.isEnabled, s.isCustomised])).toEqual([
      ["Lumen & Lace", true, true],
      ["Northlight Portraits", false, true],
    ]);
  });

  it("saves the lead but sends no reply while the owner has not confirmed their address", async () => {
    const { studio, owner } = await createStudio(db());
    await db().user.update({ where: { id: owner.id }, data: { emailVerifiedAt: null } });
    const { email, outcome } = await inquire(studio.slug);
    expect(outcome.kind).toBe("created");
    expect(await db().lead.count({ where: { studioId: studio.id, email } })).toBe(1);
    expect(await countAutoReplies(email)).toBe(0);
  });

  it("sends no auto-reply for a lead the photographer enters by hand", async () => {
    const { studio } = await createStudio(db());
    const email = `manual-${randomSuffix()}@example.com`;
    await inTx((tx) =>
      createLead(tx, {
        studioId: studio.id,
        input: createLeadSchema.parse({ name: "Walk In", email, eventType: "portrait" }),
      }),
    );
    expect(await countAutoReplies(email)).toBe(0);
  });

  it("refuses an unknown field beside the field it is in, and another studio's brand, saving nothing", async () => {
    const { studio, brands } = await createStudio(db());
    const other = await createStudio(db());
    const attempt = save(studio.id, {
      brandId: brands[0].id,
      isEnabled: "on",
      subject: "Hi {{client.nickname}}",
      body: "Your {{job.title}} is booked",
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: AppError) => e)) as AppError;
    expect(error.fieldErrors.subject?.[0]).toMatch(/Unknown field \{\{client\.nickname\}\}/);
    expect(error.fieldErrors.body?.[0]).toMatch(/Unknown field \{\{job\.title\}\}/);

    const foreign = save(studio.id, { brandId: other.brands[0].id, isEnabled: "on", subject: "Hi", body: "Hello" });
    await expect(foreign).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().emailTemplate.count({ where: { studioId: { in: [studio.id, other.studio.id] } } })).toBe(0);
  });

  it("sends a test of the wording as typed, with example values, to the member who asked, saving nothing", async () => {
    const { studio, owner, brands } = await createStudio(db(), { brands: ["Lumen & Lace"] });
    const test = (fields: Record<string, string>) =>
      inTx((tx) =>
        sendEmailTemplateTest(tx, {
          studioId: studio.id,
          userId: owner.id,
          input: testEmailTemplateSchema.parse({ kind: "inquiry.auto-reply", brandId: brands[0].id, ...fields }),
        }),
      );
    expect(await test({ subject: "Hello {{client.first_name}}", body: "About your {{lead.event_type}}." })).toBe(
      owner.email,
    );
    const row = await db().emailMessage.findFirstOrThrow({ where: { to: owner.email, kind: "template.test" } });
    const sent = await inTx((tx) => renderOutboxEmail(tx, row, { origin: "https://app.shootq.test" }));
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.subject).toMatch(/^\[Test\] Hello \S+$/);
    expect(sent.text).toMatch(/About your \S+/);
    expect(sent.sender).toBe("Lumen & Lace");
    expect(await db().emailTemplate.count({ where: { studioId: studio.id } })).toBe(0);

    const refused = test({ subject: "Hi {{client.nickname}}", body: "Hello" });
    await expect(refused).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db().emailMessage.count({ where: { to: owner.email, kind: "template.test" } })).toBe(1);
  });
});
