import { describe, expect, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { createJob, createLead, createStudio } from "@/prisma/factories";

// The schema side of "every row belongs to one studio" (docs/scaling.md, section 7): what a
// distributed database would co-locate by studioId must carry it, and a child row must not be
// able to name another studio's parent.

const db = () => primaryDb();

/** Tables with a foreign key to Studio or to a table whose rows all belong to a studio. */
async function studioLinkedTables(): Promise<{ table: string; studioId: "NOT NULL" | "nullable" | "missing" }[]> {
  return db().$queryRawUnsafe(`
    WITH owned AS (
      SELECT table_name AS t, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'studioId'
    )
    SELECT DISTINCT c.conrelid::regclass::text AS "table",
      CASE (SELECT is_nullable FROM owned WHERE '"' || t || '"' = c.conrelid::regclass::text)
        WHEN 'NO' THEN 'NOT NULL' WHEN 'YES' THEN 'nullable' ELSE 'missing' END AS "studioId"
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'
      AND (c.confrelid::regclass::text = '"Studio"'
        OR c.confrelid::regclass::text IN (SELECT '"' || t || '"' FROM owned WHERE is_nullable = 'NO'))
    ORDER BY 1`);
}

/**
 * Every foreign key between two tables whose rows all carry a studio, with the column each of its
 * columns points at: a key keeps to one studio when it maps studioId to studioId.
 */
async function keysBetweenStudioTables(): Promise<{ key: string; pairs: string[] }[]> {
  return db().$queryRawUnsafe(`
    WITH owned AS (
      SELECT ('"' || table_name || '"')::regclass AS rel FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'studioId' AND is_nullable = 'NO'
    )
    SELECT c.conname AS key,
      array(SELECT a.attname || '->' || b.attname FROM unnest(c.conkey, c.confkey) AS k(child, parent)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.child
            JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = k.parent ORDER BY 1) AS pairs
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.conrelid IN (SELECT rel FROM owned) AND c.confrelid IN (SELECT rel FROM owned)
    ORDER BY 1`);
}

/** Unique indexes (primary keys aside) of tables whose rows all carry a studio, without studioId among their columns. */
async function uniquesWithoutStudio(): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ index: string }[]>(`
    SELECT i.indexrelid::regclass::text AS index
    FROM pg_index i
    JOIN information_schema.columns c
      ON ('"' || c.table_name || '"')::regclass = i.indrelid AND c.table_schema = 'public'
     AND c.column_name = 'studioId' AND c.is_nullable = 'NO'
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = 'studioId'
    WHERE i.indisunique AND NOT i.indisprimary AND NOT (a.attnum = ANY (i.indkey))
    ORDER BY 1`);
  return rows.map((r) => r.index.replaceAll('"', ""));
}

describe("the schema", () => {
  it("gives every table that hangs off a studio a studioId of its own", async () => {
    const tables = await studioLinkedTables();
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => t.studioId !== "NOT NULL")).toEqual([
      // Account emails to platform admins, who belong to no studio.
      { table: '"EmailMessage"', studioId: "nullable" },
      // Between two studios (fromStudioId, toStudioId): a global directory row.
      { table: '"Referral"', studioId: "missing" },
      // Platform admins belong to no studio.
      { table: '"User"', studioId: "nullable" },
    ]);
  });

  it("lets no foreign key between two studios' tables leave the studio out", async () => {
    const keys = await keysBetweenStudioTables();
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((k) => !k.pairs.includes("studioId->studioId"))).toEqual([]);
  });

  it("keeps every unique constraint of a studio's rows within the studio", async () => {
    // Numbers, names, a contract's signatures per role, a reminder per installment and offset, a
    // link's token hash and the payment provider's ids: each is unique per studio. A link finds its
    // studio through LinkDirectory (its primary key keeps tokens unique platform-wide), a webhook
    // through the metadata ShootQ gave the checkout.
    expect(await uniquesWithoutStudio()).toEqual([]);
  });

  it("fills a child's studio from its parent, and refuses a child naming another studio's parent", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const template = await db().workflowTemplate.create({
      data: {
        studioId: b.studio.id,
        name: "Album",
        steps: { create: [{ position: 0, name: "Design", offsetDays: 7 }] },
      },
      select: { id: true, steps: { select: { studioId: true } } },
    });
    expect(template.steps).toEqual([{ studioId: b.studio.id }]);

    const notification = await db().notification.create({
      data: { studioId: b.studio.id, kind: "lead.created", message: "New lead" },
      select: { id: true },
    });
    const refused = (sql: string, ...values: unknown[]) =>
      db()
        .$executeRawUnsafe(sql, ...values)
        .then(
          () => "inserted",
          (error: { message?: string }) => (/foreign key/.test(String(error.message)) ? "refused" : String(error)),
        );
    expect(
      await refused(
        `INSERT INTO "WorkflowStepTemplate"(id, "studioId", "templateId", position, name, "offsetDays") VALUES (gen_random_uuid()::text, $1, $2, 1, 'Print', 3)`,
        a.studio.id,
        template.id,
      ),
    ).toBe("refused");
    expect(
      await refused(
        `INSERT INTO "NotificationRead"("studioId", "notificationId", "userId") VALUES ($1, $2, $3)`,
        a.studio.id,
        notification.id,
        a.owner.id,
      ),
    ).toBe("refused");
    const job = await createJob(db(), { studioId: b.studio.id });
    expect(
      await refused(
        `INSERT INTO "ScheduledEmail"(id, "studioId", "jobId", workflow, name, subject, body, "sendAt") VALUES (gen_random_uuid()::text, $1, $2, 'W', 'Hi', 'Hi', 'Hi', now())`,
        a.studio.id,
        job.id,
      ),
    ).toBe("refused");
    expect(await db().workflowStepTemplate.count({ where: { templateId: template.id } })).toBe(1);
  });

  it("refuses a link to another studio's row, and unlinking an optional one keeps the row's studio", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db(), { brands: ["Main", "Elopements"] });
    const elopements = b.brands[1]!;
    const job = await createJob(db(), { studioId: b.studio.id });
    await expect(createLead(db(), { studioId: a.studio.id, brandId: elopements.id })).rejects.toThrow(/foreign key/i);
    await expect(createLead(db(), { studioId: a.studio.id, jobId: job.id })).rejects.toThrow(/foreign key/i);
    await expect(
      db().event.create({
        data: { studioId: a.studio.id, jobId: job.id, name: "Engagement session", startsAt: new Date() },
      }),
    ).rejects.toThrow(/foreign key/i);

    const lead = await createLead(db(), { studioId: b.studio.id, brandId: elopements.id });
    await db().brand.delete({ where: { id: elopements.id } });
    expect(
      await db().lead.findUniqueOrThrow({ where: { id: lead.id }, select: { studioId: true, brandId: true } }),
    ).toEqual({
      studioId: b.studio.id,
      brandId: null,
    });
  });
});
