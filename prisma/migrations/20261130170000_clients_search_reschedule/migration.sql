-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "jobsPerDay" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "address" TEXT,
ADD COLUMN     "emailNormalized" TEXT,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "contactId" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "notes" TEXT;

-- Backfill: one client per normalized email in each studio (trimmed, NFKC, lower-case).
UPDATE "Contact" SET "emailNormalized" = NULLIF(lower(btrim(normalize("email", NFKC))), '');

-- Existing duplicates are merged into the oldest: their jobs move to it, a missing phone is
-- taken from them, and their own name, email and phone are kept in its notes. Nothing else of
-- theirs exists yet, so no row is lost with them.
CREATE TEMP TABLE "_contact_merge" ON COMMIT DROP AS
SELECT c."id" AS "duplicateId", k."keptId"
FROM "Contact" c
JOIN (
  SELECT DISTINCT ON ("studioId", "emailNormalized") "studioId", "emailNormalized", "id" AS "keptId"
  FROM "Contact" WHERE "emailNormalized" IS NOT NULL
  ORDER BY "studioId", "emailNormalized", "createdAt", "id"
) k ON k."studioId" = c."studioId" AND k."emailNormalized" = c."emailNormalized" AND k."keptId" <> c."id";

UPDATE "Job" j SET "contactId" = m."keptId" FROM "_contact_merge" m WHERE j."contactId" = m."duplicateId";

UPDATE "Contact" kept SET
  "phone" = COALESCE(kept."phone", d."phone"),
  "notes" = d."notes"
FROM (
  SELECT m."keptId",
         (array_agg(c."phone" ORDER BY c."createdAt", c."id") FILTER (WHERE c."phone" IS NOT NULL))[1] AS "phone",
         'Merged duplicates: ' || string_agg(c."name" || ' <' || c."email" || '>' || COALESCE(' ' || c."phone", ''), '; ' ORDER BY c."createdAt", c."id") AS "notes"
  FROM "_contact_merge" m JOIN "Contact" c ON c."id" = m."duplicateId"
  GROUP BY m."keptId"
) d
WHERE kept."id" = d."keptId";

DELETE FROM "Contact" c USING "_contact_merge" m WHERE c."id" = m."duplicateId";

-- Every lead belongs to the client with its email; a lead whose person is not a client yet
-- makes one (named after the earliest such lead).
INSERT INTO "Contact" ("id", "studioId", "name", "email", "phone", "emailNormalized", "createdAt", "updatedAt")
SELECT DISTINCT ON (l."studioId", lower(btrim(normalize(l."email", NFKC))))
       uuidv7()::text, l."studioId", l."name", l."email", l."phone", lower(btrim(normalize(l."email", NFKC))), l."createdAt", l."createdAt"
FROM "Lead" l
WHERE NULLIF(lower(btrim(normalize(l."email", NFKC))), '') IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "Contact" c WHERE c."studioId" = l."studioId" AND c."emailNormalized" = lower(btrim(normalize(l."email", NFKC)))
  )
ORDER BY l."studioId", lower(btrim(normalize(l."email", NFKC))), l."createdAt", l."id";

UPDATE "Lead" l SET "contactId" = c."id"
FROM "Contact" c
WHERE c."studioId" = l."studioId" AND c."emailNormalized" = lower(btrim(normalize(l."email", NFKC)));

-- CreateTable
CREATE TABLE "JobReschedule" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "userId" TEXT,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "JobReschedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobReschedule_jobId_createdAt_idx" ON "JobReschedule"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "JobReschedule_studioId_idx" ON "JobReschedule"("studioId");

-- CreateIndex
CREATE INDEX "JobReschedule_userId_idx" ON "JobReschedule"("userId");

-- CreateIndex
CREATE INDEX "Contact_studioId_createdAt_idx" ON "Contact"("studioId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_studioId_emailNormalized_key" ON "Contact"("studioId", "emailNormalized");

-- CreateIndex
CREATE INDEX "Lead_contactId_createdAt_idx" ON "Lead"("contactId", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_studioId_archivedAt_idx" ON "Lead"("studioId", "archivedAt");

-- CreateIndex
CREATE INDEX "Job_title_idx" ON "Job" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Event_name_location_idx" ON "Event" USING GIN ("name" gin_trgm_ops, "location" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "EmailMessage_studioId_to_createdAt_idx" ON "EmailMessage"("studioId", "to", "createdAt");

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobReschedule" ADD CONSTRAINT "JobReschedule_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobReschedule" ADD CONSTRAINT "JobReschedule_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobReschedule" ADD CONSTRAINT "JobReschedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

