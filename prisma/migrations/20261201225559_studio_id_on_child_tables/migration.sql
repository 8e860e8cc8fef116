-- Every table that belongs to a studio carries studioId (docs/scaling.md, section 7): the five
-- child tables that reached their studio only through their parent get it, filled from the
-- parent, and their foreign key becomes (studioId, parent) -> parent (studioId, id), so a child
-- can never belong to another studio than its parent (and a distributed database can co-locate
-- them). Prisma fills the column from the parent in nested creates.

-- DropForeignKey
ALTER TABLE "ProposalItem" DROP CONSTRAINT "ProposalItem_proposalId_fkey";

-- DropForeignKey
ALTER TABLE "WorkflowStepTemplate" DROP CONSTRAINT "WorkflowStepTemplate_templateId_fkey";

-- DropForeignKey
ALTER TABLE "NotificationRead" DROP CONSTRAINT "NotificationRead_notificationId_fkey";

-- DropForeignKey
ALTER TABLE "InvoiceLine" DROP CONSTRAINT "InvoiceLine_invoiceId_fkey";

-- DropForeignKey
ALTER TABLE "PaymentScheduleStep" DROP CONSTRAINT "PaymentScheduleStep_templateId_fkey";

-- AlterTable
ALTER TABLE "ProposalItem" ADD COLUMN "studioId" TEXT;
UPDATE "ProposalItem" c SET "studioId" = p."studioId" FROM "Proposal" p WHERE p.id = c."proposalId";
ALTER TABLE "ProposalItem" ALTER COLUMN "studioId" SET NOT NULL;

-- AlterTable
ALTER TABLE "WorkflowStepTemplate" ADD COLUMN "studioId" TEXT;
UPDATE "WorkflowStepTemplate" c SET "studioId" = p."studioId" FROM "WorkflowTemplate" p WHERE p.id = c."templateId";
ALTER TABLE "WorkflowStepTemplate" ALTER COLUMN "studioId" SET NOT NULL;

-- AlterTable
ALTER TABLE "NotificationRead" ADD COLUMN "studioId" TEXT;
UPDATE "NotificationRead" c SET "studioId" = p."studioId" FROM "Notification" p WHERE p.id = c."notificationId";
ALTER TABLE "NotificationRead" ALTER COLUMN "studioId" SET NOT NULL;

-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN "studioId" TEXT;
UPDATE "InvoiceLine" c SET "studioId" = p."studioId" FROM "Invoice" p WHERE p.id = c."invoiceId";
ALTER TABLE "InvoiceLine" ALTER COLUMN "studioId" SET NOT NULL;

-- AlterTable
ALTER TABLE "PaymentScheduleStep" ADD COLUMN "studioId" TEXT;
UPDATE "PaymentScheduleStep" c SET "studioId" = p."studioId" FROM "PaymentScheduleTemplate" p WHERE p.id = c."templateId";
ALTER TABLE "PaymentScheduleStep" ALTER COLUMN "studioId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_studioId_id_key" ON "Proposal"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowTemplate_studioId_id_key" ON "WorkflowTemplate"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_studioId_id_key" ON "Notification"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_studioId_id_key" ON "Invoice"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentScheduleTemplate_studioId_id_key" ON "PaymentScheduleTemplate"("studioId", "id");

-- AddForeignKey
ALTER TABLE "ProposalItem" ADD CONSTRAINT "ProposalItem_studioId_proposalId_fkey" FOREIGN KEY ("studioId", "proposalId") REFERENCES "Proposal"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowStepTemplate" ADD CONSTRAINT "WorkflowStepTemplate_studioId_templateId_fkey" FOREIGN KEY ("studioId", "templateId") REFERENCES "WorkflowTemplate"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRead" ADD CONSTRAINT "NotificationRead_studioId_notificationId_fkey" FOREIGN KEY ("studioId", "notificationId") REFERENCES "Notification"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_studioId_invoiceId_fkey" FOREIGN KEY ("studioId", "invoiceId") REFERENCES "Invoice"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentScheduleStep" ADD CONSTRAINT "PaymentScheduleStep_studioId_templateId_fkey" FOREIGN KEY ("studioId", "templateId") REFERENCES "PaymentScheduleTemplate"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

