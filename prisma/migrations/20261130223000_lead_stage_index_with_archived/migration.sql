-- What's New counts a stage's unarchived leads: with archivedAt in the index that count reads
-- the index alone (archiving leads made it visit a heap row per lead, or scan the table).

-- DropIndex
DROP INDEX "Lead_studioId_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Lead_studioId_status_createdAt_archivedAt_idx" ON "Lead"("studioId", "status", "createdAt", "archivedAt");
