-- AlterTable
ALTER TABLE "ComposedEmail" ADD COLUMN     "contactId" TEXT;

-- CreateIndex
CREATE INDEX "ComposedEmail_contactId_idx" ON "ComposedEmail"("contactId");

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

