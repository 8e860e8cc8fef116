-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CLIENTS', 'LEADS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('READY', 'CHECKING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "importId" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "importId" TEXT;

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "header" TEXT[],
    "preview" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "mapping" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ImportStatus" NOT NULL DEFAULT 'READY',
    "dryRun" JSONB,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "matchedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "skips" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "finishedAt" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),
    "undo" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Import_studioId_createdAt_idx" ON "Import"("studioId", "createdAt");

-- CreateIndex
CREATE INDEX "Contact_importId_idx" ON "Contact"("importId");

-- CreateIndex
CREATE INDEX "Lead_importId_idx" ON "Lead"("importId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

