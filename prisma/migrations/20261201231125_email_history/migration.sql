-- Each email's history for /emails: queued, every failed attempt with the server's answer, sent,
-- not sent, given up, queued again.

-- CreateEnum
CREATE TYPE "EmailEventKind" AS ENUM ('QUEUED', 'ATTEMPT_FAILED', 'SENT', 'NOT_SENT', 'FAILED', 'REQUEUED');

-- CreateTable
CREATE TABLE "EmailEvent" (
    "id" TEXT NOT NULL,
    "studioId" TEXT,
    "emailId" TEXT NOT NULL,
    "at" TIMESTAMP(6) NOT NULL DEFAULT clock_timestamp(),
    "kind" "EmailEventKind" NOT NULL,
    "detail" TEXT,

    CONSTRAINT "EmailEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailEvent_emailId_at_idx" ON "EmailEvent"("emailId", "at");

-- AddForeignKey
ALTER TABLE "EmailEvent" ADD CONSTRAINT "EmailEvent_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "EmailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Emails from before keep what is known of them with its time: queued, and sent.
INSERT INTO "EmailEvent"("id", "studioId", "emailId", "at", "kind")
SELECT gen_random_uuid()::text, "studioId", "id", "createdAt", 'QUEUED' FROM "EmailMessage";
INSERT INTO "EmailEvent"("id", "studioId", "emailId", "at", "kind")
SELECT gen_random_uuid()::text, "studioId", "id", "sentAt", 'SENT' FROM "EmailMessage"
WHERE "status" = 'SENT' AND "sentAt" IS NOT NULL;
