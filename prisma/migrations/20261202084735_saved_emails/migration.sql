-- CreateEnum
CREATE TYPE "SavedEmailFor" AS ENUM ('JOB', 'LEAD');

-- CreateTable
CREATE TABLE "SavedEmail" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "about" "SavedEmailFor" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedEmail_studioId_name_key" ON "SavedEmail"("studioId", "name");

-- AddForeignKey
ALTER TABLE "SavedEmail" ADD CONSTRAINT "SavedEmail_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

