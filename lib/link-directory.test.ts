import { describe, expect, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { findLink } from "@/lib/link-directory";
import { hashToken, newToken } from "@/lib/tokens";
import { createJob, createStudio } from "@/prisma/factories";

// A link's token is unique within its studio; the directory, kept by the database itself, says
// which studio. These are the directory's promises: every write to a token follows into it, in
// the same transaction, and a token stays unique across the whole platform.

const db = () => primaryDb();
const entries = (studioId: string) =>
  db().linkDirectory.findMany({
    where: { studioId },
    orderBy: { kind: "asc" },
    select: { kind: true, tokenHash: true },
  });

describe("the link directory", () => {
  it("follows every insert, change and delete of a token, and finds the studio of each", async () => {
    const { studio, owner } = await createStudio(db());
    const studioId = studio.id;
    const job = await createJob(db(), { studioId });
    const inviteToken = newToken();
    const invite = await db().invite.create({
      data: {
        studioId,
        email: "new@example.com",
        tokenHash: hashToken(inviteToken),
        invitedById: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    // A draft proposal has no link yet: nothing in the directory.
    const proposal = await db().proposal.create({
      data: { studioId, jobId: job.id, title: "Wedding", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await entries(studioId)).toEqual([{ kind: "Invite", tokenHash: hashToken(inviteToken) }]);
    expect(await findLink(db(), inviteToken)).toEqual({ studioId, tokenHash: hashToken(inviteToken) });

    // Sent: the link appears; re-sent with a new token: the old one no longer opens anything.
    const first = newToken();
    await db().proposal.update({
      where: { id: proposal.id },
      data: { status: "SENT", tokenHash: hashToken(first) },
    });
    expect(await findLink(db(), first)).toEqual({ studioId, tokenHash: hashToken(first) });
    const second = newToken();
    await db().proposal.update({ where: { id: proposal.id }, data: { tokenHash: hashToken(second) } });
    expect(await findLink(db(), first)).toBeNull();
    expect(await findLink(db(), second)).toEqual({ studioId, tokenHash: hashToken(second) });
    // Other changes to the row leave its link alone.
    await db().proposal.update({ where: { id: proposal.id }, data: { title: "Wedding (final)" } });
    expect(await entries(studioId)).toEqual([
      { kind: "Invite", tokenHash: hashToken(inviteToken) },
      { kind: "Proposal", tokenHash: hashToken(second) },
    ]);

    // Accepting an invitation deletes it: its link goes with it.
    await db().invite.delete({ where: { id: invite.id } });
    expect(await findLink(db(), inviteToken)).toBeNull();
    expect(await findLink(db(), "no such token")).toBeNull();
  });

  it("keeps a token unique across studios, and a write that fails leaves no entry behind", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const jobA = await createJob(db(), { studioId: a.studio.id });
    const jobB = await createJob(db(), { studioId: b.studio.id });
    const token = newToken();
    const proposal = (studioId: string, jobId: string) =>
      db().proposal.create({
        data: {
          studioId,
          jobId,
          title: "Portraits",
          status: "SENT",
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    await proposal(a.studio.id, jobA.id);
    await expect(proposal(b.studio.id, jobB.id)).rejects.toThrow(/LinkDirectory_pkey|Unique constraint/);
    expect(await findLink(db(), token)).toEqual({ studioId: a.studio.id, tokenHash: hashToken(token) });
    expect(await db().proposal.count({ where: { studioId: b.studio.id } })).toBe(0);

    // A studio that goes takes its links with it.
    await db().studio.delete({ where: { id: a.studio.id } });
    expect(await findLink(db(), token)).toBeNull();
  });
});
