import { z } from "zod";
import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { createReferral, respondToReferral } from "@/lib/referrals/mutations";
import { findReceivedReferrals, findSentReferrals } from "@/lib/referrals/queries";
import { createReferralSchema, respondToReferralSchema } from "@/lib/referrals/schemas";
import { createJob, createLead, createStaff, createStudio, dateOnly } from "@/prisma/factories";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const read = () => dbForHost("primary");

async function photographer(name: string) {
  const { studio, owner, brands } = await createStudio(db(), { ownerName: name, brands: [`${name}'s Weddings`] });
  return { studioId: studio.id, studioName: studio.name, owner, brands };
}

async function senderWithJob() {
  const sender = await photographer("Maya Lindqvist");
  const job = await createJob(db(), {
    studioId: sender.studioId,
    title: "Okafor–Reid Wedding",
    type: "wedding",
    date: dateOnly(new Date("2027-09-18T00:00:00Z")),
    contact: { name: "Adaeze Okafor", email: "adaeze@example.com", phone: "(555) 010-2876" },
  });
  // Other rows of the sender's studio that must never reach the receiver.
  const privateLead = await createLead(db(), {
    studioId: sender.studioId,
    name: "Private Person",
    email: "private@example.com",
    message: "secret budget: $9,000",
  });
  return { ...sender, job, privateLead };
}

const notifications = (studioId: string, kind: string) =>
  db().notification.findMany({ where: { studioId, kind }, select: { message: true, link: true } });

describe("referral form", () => {
  it("needs a valid address and exactly one lead or job", () => {
    const errors = (v: unknown) => {
      const r = createReferralSchema.safeParse(v);
      return r.success ? {} : (z.flattenError(r.error).fieldErrors as Record<string, string[]>);
    };
    expect(errors({ jobId: "j", toEmail: "not-an-email" }).toEmail).toEqual(["Enter a valid email address."]);
    expect(errors({ toEmail: "a@example.com" }).toEmail).toEqual(["Choose one lead or one job to refer."]);
    expect(errors({ leadId: "l", jobId: "j", toEmail: "a@example.com" }).toEmail).toEqual([
      "Choose one lead or one job to refer.",
    ]);
    expect(
      z.flattenError(respondToReferralSchema.safeParse({ referralId: "r", decision: "maybe" }).error!).fieldErrors,
    ).toEqual({ decision: ["Choose to accept or reject the referral."] });
    expect(createReferralSchema.parse({ jobId: "j", toEmail: " Someone@Example.com ", note: "" })).toEqual({
      jobId: "j",
      leadId: undefined,
      toEmail: "someone@example.com",
      note: null,
    });
  });
});

describe("referring a job to a photographer on ShootQ", () => {
  it("copies only what is referred, notifies the receiver, and lets them accept it as a lead of their own", async () => {
    const sender = await senderWithJob();
    const receiver = await photographer("Theo Park");
    const { id } = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        jobId: sender.job.id,
        toEmail: receiver.owner.email,
        note: "Lovely couple, outdoor ceremony.",
      }),
    );
    const referral = await db().referral.findUniqueOrThrow({ where: { id } });
    expect(referral).toMatchObject({
      toStudioId: receiver.studioId,
      status: "PENDING",
      subjectTitle: "Okafor–Reid Wedding",
    });
    expect(referral.subject).toEqual({
      clientName: "Adaeze Okafor",
      email: "adaeze@example.com",
      phone: "(555) 010-2876",
      eventType: "wedding",
      eventDate: "2027-09-18",
      message: "Lovely couple, outdoor ceremony.",
    });
    expect(await notifications(receiver.studioId, "referral.received")).toEqual([
      { message: "Maya Lindqvist referred you to Okafor–Reid Wedding", link: "/referrals" },
    ]);
    expect(await db().emailMessage.count({ where: { studioId: sender.studioId } })).toBe(0);

    const { leadId } = await inTx((tx) =>
      respondToReferral(tx, {
        studioId: receiver.studioId,
        userId: receiver.owner.id,
        referralId: id,
        decision: "accept",
      }),
    );
    const lead = await db().lead.findUniqueOrThrow({ where: { id: leadId! } });
    expect(lead).toMatchObject({
      studioId: receiver.studioId,
      brandId: null,
      jobId: null,
      name: "Adaeze Okafor",
      email: "adaeze@example.com",
      phone: "(555) 010-2876",
      eventType: "wedding",
      source: "referral",
      status: "NEW",
      message: "Lovely couple, outdoor ceremony.",
    });
    expect(lead.eventDate?.toISOString().slice(0, 10)).toBe("2027-09-18");
    expect(await notifications(sender.studioId, "referral.accepted")).toEqual([
      { message: "Theo Park accepted your referral for Okafor–Reid Wedding", link: "/referrals" },
    ]);
    expect((await db().referral.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
    await expect(
      inTx((tx) =>
        respondToReferral(tx, {
          studioId: receiver.studioId,
          userId: receiver.owner.id,
          referralId: id,
          decision: "reject",
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("tells the sender when the receiver rejects it, and creates no lead", async () => {
    const sender = await senderWithJob();
    const receiver = await photographer("Theo Park");
    const { id } = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        jobId: sender.job.id,
        toEmail: receiver.owner.email,
        note: null,
      }),
    );
    await inTx((tx) =>
      respondToReferral(tx, {
        studioId: receiver.studioId,
        userId: receiver.owner.id,
        referralId: id,
        decision: "reject",
      }),
    );
    expect(await notifications(sender.studioId, "referral.rejected")).toEqual([
      { message: "Theo Park rejected your referral for Okafor–Reid Wedding", link: "/referrals" },
    ]);
    expect(await db().lead.count({ where: { studioId: receiver.studioId } })).toBe(0);
  });

  it("gives the receiver nothing of the sender's studio beyond the copy", async () => {
    const sender = await senderWithJob();
    const receiver = await photographer("Theo Park");
    await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        jobId: sender.job.id,
        toEmail: receiver.owner.email,
        note: null,
      }),
    );

    const received = await findReceivedReferrals(read(), { studioId: receiver.studioId });
    expect(received).toHaveLength(1);
    expect(Object.keys(received[0]).sort()).toEqual([
      "createdAt",
      "id",
      "respondedAt",
      "senderName",
      "status",
      "subject",
      "subjectTitle",
    ]);
    const visible = JSON.stringify(received);
    for (const secret of [
      sender.studioId,
      sender.studioName,
      sender.owner.id,
      sender.owner.email,
      sender.job.id,
      sender.job.contactId,
      sender.brands[0].id,
      sender.brands[0].name,
      sender.privateLead.id,
      "Private Person",
      "secret budget",
    ]) {
      expect(visible).not.toContain(secret);
    }
    // The receiver's studio id opens none of the sender's rows.
    expect(await findSentReferrals(read(), { studioId: receiver.studioId })).toEqual([]);
    await expect(
      inTx((tx) =>
        createReferral(tx, {
          studioId: receiver.studioId,
          userId: receiver.owner.id,
          leadId: sender.privateLead.id,
          toEmail: "someone@example.com",
          note: null,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) =>
        createReferral(tx, {
          studioId: receiver.studioId,
          userId: receiver.owner.id,
          jobId: sender.job.id,
          toEmail: "someone@example.com",
          note: null,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().referral.count({ where: { fromStudioId: receiver.studioId } })).toBe(0);
  });

  it("can only be answered by the studio it was sent to", async () => {
    const sender = await senderWithJob();
    const receiver = await photographer("Theo Park");
    const bystander = await photographer("Nosy Neighbour");
    const { id } = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        jobId: sender.job.id,
        toEmail: receiver.owner.email,
        note: null,
      }),
    );
    for (const who of [bystander, sender]) {
      await expect(
        inTx((tx) =>
          respondToReferral(tx, { studioId: who.studioId, userId: who.owner.id, referralId: id, decision: "accept" }),
        ),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await db().referral.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await db().lead.count({ where: { studioId: { in: [bystander.studioId] } } })).toBe(0);
    expect(await findReceivedReferrals(read(), { studioId: bystander.studioId })).toEqual([]);
  });
});

describe("referring to someone not on ShootQ", () => {
  it("queues an invitation email with the referred client's details", async () => {
    const sender = await senderWithJob();
    const lead = await createLead(db(), {
      studioId: sender.studioId,
      name: "Jane Doe",
      email: "jane@example.com",
      eventType: "portrait",
      message: "Family session in the fall",
    });
    const toEmail = `new-photographer-${Date.now()}@example.com`;
    const { toStudioId } = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        leadId: lead.id,
        toEmail,
        note: "Family session in the fall, they loved your golden-hour work.",
      }),
    );
    expect(toStudioId).toBeNull();
    const [email] = await db().emailMessage.findMany({ where: { studioId: sender.studioId, kind: "referral.invite" } });
    expect(email).toMatchObject({ to: toEmail, subject: "Maya Lindqvist referred a client to you", status: "QUEUED" });
    const { text } = await renderQueuedEmail(db(), { id: email.id });
    expect(text).toContain("Jane Doe");
    expect(text).toContain("Family session in the fall, they loved your golden-hour work.");
    expect(text).toContain("/sign-up");
    expect((await db().referral.findFirstOrThrow({ where: { toEmail } })).subjectTitle).toBe("Jane Doe – Portrait");
    expect(await notifications(sender.studioId, "referral.sent")).toEqual([
      { message: `You referred Jane Doe – Portrait to ${toEmail} (invited to ShootQ)`, link: "/referrals" },
    ]);
  });

  it("refuses someone of the sender's own studio, saving nothing", async () => {
    const sender = await senderWithJob();
    const { user: staff } = await createStaff(db(), sender.studioId);
    await expect(
      inTx((tx) =>
        createReferral(tx, {
          studioId: sender.studioId,
          userId: sender.owner.id,
          jobId: sender.job.id,
          toEmail: staff.email,
          note: null,
        }),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { toEmail: ["That address belongs to someone in your own studio."] },
    });
    expect(await db().referral.count({ where: { fromStudioId: sender.studioId } })).toBe(0);
    expect(await db().notification.count({ where: { studioId: sender.studioId } })).toBe(0);
  });
});

describe("referring a lead", () => {
  it("shares the lead's own inquiry message only when the sender keeps it in their note", async () => {
    const sender = await senderWithJob();
    const receiver = await photographer("Theo Park");
    const lead = await createLead(db(), {
      studioId: sender.studioId,
      name: "Jane Doe",
      message: "Our budget is tight",
    });
    const { id } = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studioId,
        userId: sender.owner.id,
        leadId: lead.id,
        toEmail: receiver.owner.email,
        note: null,
      }),
    );
    expect((await db().referral.findUniqueOrThrow({ where: { id } })).subject).toMatchObject({
      clientName: "Jane Doe",
      message: null,
    });
  });
});
