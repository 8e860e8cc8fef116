-- New-inquiry emails: each member chooses one email per inquiry (the default), a daily digest, or
-- none. A digest row per member and studio day, written with its email, makes a day's digest go once.

-- CreateEnum
CREATE TYPE "LeadAlert" AS ENUM ('INSTANT', 'DAILY', 'OFF');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "leadAlert" "LeadAlert" NOT NULL DEFAULT 'INSTANT';

-- CreateTable
CREATE TABLE "LeadDigest" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "leads" INTEGER NOT NULL,

    CONSTRAINT "LeadDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "User_leadAlert_idx" ON "User"("leadAlert");

-- CreateIndex
CREATE INDEX "LeadDigest_studioId_sentAt_idx" ON "LeadDigest"("studioId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadDigest_userId_day_key" ON "LeadDigest"("userId", "day");

-- AddForeignKey
ALTER TABLE "LeadDigest" ADD CONSTRAINT "LeadDigest_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadDigest" ADD CONSTRAINT "LeadDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
