-- No unique constraint crosses studios (docs/scaling.md, section 7). The last eight did: a link's
-- token hash (proposal, contract, invoice, questionnaire, invitation, API token) and the payment
-- provider's session and payment ids were unique across the platform, because a link or a webhook
-- arrives with no studio. Now:
-- * each is unique within its studio, (studioId, x), like every other unique;
-- * a link finds its studio in "LinkDirectory" (token hash -> studio), then reads its row by
--   (studioId, tokenHash). One trigger on the six token tables keeps the directory in step with
--   every insert, change (a contract's re-sent link) and delete, in the writing transaction, so no
--   write path can forget it; the directory's primary key keeps a token unique platform-wide;
-- * a webhook names its studio itself: ShootQ puts studioId in the checkout's metadata, and the
--   provider echoes it in every event about that checkout.

-- DropIndex
DROP INDEX "Invite_tokenHash_key";

-- DropIndex
DROP INDEX "Proposal_tokenHash_key";

-- DropIndex
DROP INDEX "Questionnaire_tokenHash_key";

-- DropIndex
DROP INDEX "Invoice_tokenHash_key";

-- DropIndex
DROP INDEX "Payment_providerPaymentId_key";

-- DropIndex
DROP INDEX "PaymentCheckout_providerSessionId_key";

-- DropIndex
DROP INDEX "PaymentCheckout_studioId_idx";

-- DropIndex
DROP INDEX "Contract_tokenHash_key";

-- DropIndex
DROP INDEX "ApiToken_tokenHash_key";

-- CreateTable
CREATE TABLE "LinkDirectory" (
    "tokenHash" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "LinkDirectory_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "LinkDirectory_studioId_idx" ON "LinkDirectory"("studioId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_studioId_tokenHash_key" ON "Invite"("studioId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_studioId_tokenHash_key" ON "Proposal"("studioId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Questionnaire_studioId_tokenHash_key" ON "Questionnaire"("studioId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_studioId_tokenHash_key" ON "Invoice"("studioId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_studioId_providerPaymentId_key" ON "Payment"("studioId", "providerPaymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentCheckout_studioId_providerSessionId_key" ON "PaymentCheckout"("studioId", "providerSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_studioId_tokenHash_key" ON "Contract"("studioId", "tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_studioId_tokenHash_key" ON "ApiToken"("studioId", "tokenHash");

-- AddForeignKey
ALTER TABLE "LinkDirectory" ADD CONSTRAINT "LinkDirectory_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Links already sent keep working: the directory starts with every stored token.
INSERT INTO "LinkDirectory" ("tokenHash", "studioId", "kind")
SELECT "tokenHash", "studioId", 'Proposal' FROM "Proposal" WHERE "tokenHash" IS NOT NULL
UNION ALL SELECT "tokenHash", "studioId", 'Contract' FROM "Contract" WHERE "tokenHash" IS NOT NULL
UNION ALL SELECT "tokenHash", "studioId", 'Invoice' FROM "Invoice" WHERE "tokenHash" IS NOT NULL
UNION ALL SELECT "tokenHash", "studioId", 'Questionnaire' FROM "Questionnaire"
UNION ALL SELECT "tokenHash", "studioId", 'Invite' FROM "Invite"
UNION ALL SELECT "tokenHash", "studioId", 'ApiToken' FROM "ApiToken";

-- The one way a token enters or leaves the directory.
CREATE FUNCTION "link_directory_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "LinkDirectory" WHERE "tokenHash" = OLD."tokenHash";
  ELSIF TG_OP = 'INSERT' THEN
    IF NEW."tokenHash" IS NOT NULL THEN
      INSERT INTO "LinkDirectory" ("tokenHash", "studioId", "kind") VALUES (NEW."tokenHash", NEW."studioId", TG_TABLE_NAME);
    END IF;
  ELSIF OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash" OR OLD."studioId" IS DISTINCT FROM NEW."studioId" THEN
    DELETE FROM "LinkDirectory" WHERE "tokenHash" = OLD."tokenHash";
    IF NEW."tokenHash" IS NOT NULL THEN
      INSERT INTO "LinkDirectory" ("tokenHash", "studioId", "kind") VALUES (NEW."tokenHash", NEW."studioId", TG_TABLE_NAME);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Proposal_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "Proposal"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
CREATE TRIGGER "Contract_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "Contract"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
CREATE TRIGGER "Invoice_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
CREATE TRIGGER "Questionnaire_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "Questionnaire"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
CREATE TRIGGER "Invite_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "Invite"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
CREATE TRIGGER "ApiToken_link_directory" AFTER INSERT OR DELETE OR UPDATE OF "tokenHash", "studioId" ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "link_directory_sync"();
