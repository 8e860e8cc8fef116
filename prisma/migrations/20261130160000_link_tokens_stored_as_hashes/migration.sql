-- Link tokens are stored as SHA-256 hashes (hex). Every existing link keeps working: its token's
-- hash is computed here and looked up through the unique index. Drafts never had a link.

ALTER TABLE "User" ADD COLUMN "calendarTokenHash" TEXT,
ADD COLUMN     "calendarTokenVersion" INTEGER NOT NULL DEFAULT 0;
UPDATE "User" SET "calendarTokenHash" = encode(sha256(convert_to("calendarToken", 'UTF8')), 'hex');
ALTER TABLE "User" ALTER COLUMN "calendarTokenHash" SET NOT NULL;

ALTER TABLE "Proposal" ADD COLUMN "tokenHash" TEXT;
UPDATE "Proposal" SET "tokenHash" = encode(sha256(convert_to("token", 'UTF8')), 'hex') WHERE "status" <> 'DRAFT';

ALTER TABLE "Questionnaire" ADD COLUMN "tokenHash" TEXT;
UPDATE "Questionnaire" SET "tokenHash" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
ALTER TABLE "Questionnaire" ALTER COLUMN "tokenHash" SET NOT NULL;

-- DropIndex
DROP INDEX "User_calendarToken_key";
DROP INDEX "Proposal_token_key";
DROP INDEX "Questionnaire_token_key";

ALTER TABLE "User" DROP COLUMN "calendarToken";
ALTER TABLE "Proposal" DROP COLUMN "token";
ALTER TABLE "Questionnaire" DROP COLUMN "token";

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
CREATE UNIQUE INDEX "Proposal_tokenHash_key" ON "Proposal"("tokenHash");
CREATE UNIQUE INDEX "Questionnaire_tokenHash_key" ON "Questionnaire"("tokenHash");
