-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- Emails not sent yet keep their text as a legacy kind the worker can still deliver (and erases
-- once sent); the text of emails already sent, links included, is dropped.
UPDATE "EmailMessage"
SET "kind" = 'legacy.text', "params" = jsonb_build_object('subject', "subject", 'text', "text")
WHERE "status" <> 'SENT';

ALTER TABLE "EmailMessage" DROP COLUMN "text";
