-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('TASK', 'EMAIL');

-- CreateEnum
CREATE TYPE "ScheduledEmailStatus" AS ENUM ('SCHEDULED', 'SENT', 'SKIPPED', 'CANCELLED', 'NOT_SENT');

-- AlterTable
ALTER TABLE "WorkflowStepTemplate" ADD COLUMN     "emailBody" TEXT,
ADD COLUMN     "emailSubject" TEXT,
ADD COLUMN     "kind" "StepKind" NOT NULL DEFAULT 'TASK';

-- CreateTable
CREATE TABLE "ScheduledEmail" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "workflow" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "status" "ScheduledEmailStatus" NOT NULL DEFAULT 'SCHEDULED',
    "note" TEXT,
    "settledAt" TIMESTAMP(3),
    "emailId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduledEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScheduledEmail_status_sendAt_idx" ON "ScheduledEmail"("status", "sendAt");

-- CreateIndex
CREATE INDEX "ScheduledEmail_studioId_jobId_sendAt_idx" ON "ScheduledEmail"("studioId", "jobId", "sendAt");

-- CreateIndex
CREATE INDEX "ScheduledEmail_jobId_idx" ON "ScheduledEmail"("jobId");

-- CreateIndex
CREATE INDEX "ScheduledEmail_emailId_idx" ON "ScheduledEmail"("emailId");

-- AddForeignKey
ALTER TABLE "ScheduledEmail" ADD CONSTRAINT "ScheduledEmail_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Job_studioId_id_key" ON "Job"("studioId", "id");

-- AddForeignKey
ALTER TABLE "ScheduledEmail" ADD CONSTRAINT "ScheduledEmail_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledEmail" ADD CONSTRAINT "ScheduledEmail_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "EmailMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

