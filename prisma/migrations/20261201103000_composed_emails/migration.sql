-- Emails a member writes to a client from a lead's or a job's page: the outbox row renders from
-- this row when it is sent.

-- CreateTable
CREATE TABLE "ComposedEmail" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "leadId" TEXT,
    "jobId" TEXT,
    "sentById" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComposedEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComposedEmail_studioId_createdAt_idx" ON "ComposedEmail"("studioId", "createdAt");

-- CreateIndex
CREATE INDEX "ComposedEmail_leadId_idx" ON "ComposedEmail"("leadId");

-- CreateIndex
CREATE INDEX "ComposedEmail_jobId_idx" ON "ComposedEmail"("jobId");

-- CreateIndex
CREATE INDEX "ComposedEmail_sentById_idx" ON "ComposedEmail"("sentById");

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
