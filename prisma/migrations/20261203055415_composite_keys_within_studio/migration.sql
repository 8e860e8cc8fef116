-- No foreign key crosses studios (docs/scaling.md, section 7): every link between two studio tables
-- becomes (studioId, parent) -> parent (studioId, id), as the five child tables' did in
-- 20261201225559_studio_id_on_child_tables. A row can no longer name another studio's job, invoice,
-- contract, brand, contact or template, and a database distributed by studioId can co-locate a
-- parent and its children. The parents gain a (studioId, id) unique index for the keys to point at.
-- One-to-one links (a lead's job, a booking's or contract's proposal, a reissued invoice) are unique
-- within their studio instead of alone: ids are UUIDs, so this allows nothing new. Optional links
-- null only their own column when the parent goes (SET NULL (column), PostgreSQL 15+): studioId
-- stays. On a large live database the new keys would be added NOT VALID and validated after.

-- DropForeignKey
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_importId_fkey";

-- DropForeignKey
ALTER TABLE "Lead" DROP CONSTRAINT "Lead_importId_fkey";

-- DropForeignKey
ALTER TABLE "Lead" DROP CONSTRAINT "Lead_brandId_fkey";

-- DropForeignKey
ALTER TABLE "Lead" DROP CONSTRAINT "Lead_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Lead" DROP CONSTRAINT "Lead_contactId_fkey";

-- DropForeignKey
ALTER TABLE "LeadNote" DROP CONSTRAINT "LeadNote_leadId_fkey";

-- DropForeignKey
ALTER TABLE "Job" DROP CONSTRAINT "Job_brandId_fkey";

-- DropForeignKey
ALTER TABLE "Job" DROP CONSTRAINT "Job_contactId_fkey";

-- DropForeignKey
ALTER TABLE "JobReschedule" DROP CONSTRAINT "JobReschedule_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Event" DROP CONSTRAINT "Event_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Proposal" DROP CONSTRAINT "Proposal_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Booking" DROP CONSTRAINT "Booking_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Booking" DROP CONSTRAINT "Booking_proposalId_fkey";

-- DropForeignKey
ALTER TABLE "Questionnaire" DROP CONSTRAINT "Questionnaire_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Questionnaire" DROP CONSTRAINT "Questionnaire_templateId_fkey";

-- DropForeignKey
ALTER TABLE "Task" DROP CONSTRAINT "Task_jobId_fkey";

-- DropForeignKey
ALTER TABLE "EmailTemplate" DROP CONSTRAINT "EmailTemplate_brandId_fkey";

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_proposalId_fkey";

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_reissuedFromId_fkey";

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_scheduleTemplateId_fkey";

-- DropForeignKey
ALTER TABLE "Installment" DROP CONSTRAINT "Installment_invoiceId_fkey";

-- DropForeignKey
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_invoiceId_fkey";

-- DropForeignKey
ALTER TABLE "PaymentCheckout" DROP CONSTRAINT "PaymentCheckout_invoiceId_fkey";

-- DropForeignKey
ALTER TABLE "PaymentCheckout" DROP CONSTRAINT "PaymentCheckout_installmentId_fkey";

-- DropForeignKey
ALTER TABLE "Reminder" DROP CONSTRAINT "Reminder_installmentId_fkey";

-- DropForeignKey
ALTER TABLE "ComposedEmail" DROP CONSTRAINT "ComposedEmail_leadId_fkey";

-- DropForeignKey
ALTER TABLE "ComposedEmail" DROP CONSTRAINT "ComposedEmail_jobId_fkey";

-- DropForeignKey
ALTER TABLE "ComposedEmail" DROP CONSTRAINT "ComposedEmail_contactId_fkey";

-- DropForeignKey
ALTER TABLE "ContractTemplate" DROP CONSTRAINT "ContractTemplate_brandId_fkey";

-- DropForeignKey
ALTER TABLE "ContractTemplateVersion" DROP CONSTRAINT "ContractTemplateVersion_templateId_fkey";

-- DropForeignKey
ALTER TABLE "Contract" DROP CONSTRAINT "Contract_jobId_fkey";

-- DropForeignKey
ALTER TABLE "Contract" DROP CONSTRAINT "Contract_templateVersionId_fkey";

-- DropForeignKey
ALTER TABLE "Contract" DROP CONSTRAINT "Contract_proposalId_fkey";

-- DropForeignKey
ALTER TABLE "ContractSignature" DROP CONSTRAINT "ContractSignature_contractId_fkey";

-- DropForeignKey
ALTER TABLE "ContractAuditEntry" DROP CONSTRAINT "ContractAuditEntry_contractId_fkey";

-- DropForeignKey
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT "WebhookDelivery_eventId_fkey";

-- DropForeignKey
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT "WebhookDelivery_endpointId_fkey";

-- DropForeignKey
ALTER TABLE "WebhookAttempt" DROP CONSTRAINT "WebhookAttempt_deliveryId_fkey";

-- DropIndex
DROP INDEX "Lead_jobId_key";

-- DropIndex
DROP INDEX "Booking_proposalId_key";

-- DropIndex
DROP INDEX "Invoice_reissuedFromId_key";

-- DropIndex
DROP INDEX "Contract_proposalId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Contact_studioId_id_key" ON "Contact"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_studioId_id_key" ON "Lead"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_studioId_jobId_key" ON "Lead"("studioId", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_studioId_proposalId_key" ON "Booking"("studioId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireTemplate_studioId_id_key" ON "QuestionnaireTemplate"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_studioId_reissuedFromId_key" ON "Invoice"("studioId", "reissuedFromId");

-- CreateIndex
CREATE UNIQUE INDEX "Installment_studioId_id_key" ON "Installment"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplate_studioId_id_key" ON "ContractTemplate"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplateVersion_studioId_id_key" ON "ContractTemplateVersion"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_studioId_id_key" ON "Contract"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_studioId_proposalId_key" ON "Contract"("studioId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_studioId_id_key" ON "WebhookEndpoint"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_studioId_id_key" ON "WebhookEvent"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_studioId_id_key" ON "WebhookDelivery"("studioId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Import_studioId_id_key" ON "Import"("studioId", "id");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_studioId_importId_fkey" FOREIGN KEY ("studioId", "importId") REFERENCES "Import"("studioId", "id") ON DELETE SET NULL ("importId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_studioId_importId_fkey" FOREIGN KEY ("studioId", "importId") REFERENCES "Import"("studioId", "id") ON DELETE SET NULL ("importId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_studioId_brandId_fkey" FOREIGN KEY ("studioId", "brandId") REFERENCES "Brand"("studioId", "id") ON DELETE SET NULL ("brandId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE SET NULL ("jobId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_studioId_contactId_fkey" FOREIGN KEY ("studioId", "contactId") REFERENCES "Contact"("studioId", "id") ON DELETE SET NULL ("contactId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadNote" ADD CONSTRAINT "LeadNote_studioId_leadId_fkey" FOREIGN KEY ("studioId", "leadId") REFERENCES "Lead"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_studioId_brandId_fkey" FOREIGN KEY ("studioId", "brandId") REFERENCES "Brand"("studioId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_studioId_contactId_fkey" FOREIGN KEY ("studioId", "contactId") REFERENCES "Contact"("studioId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobReschedule" ADD CONSTRAINT "JobReschedule_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_studioId_proposalId_fkey" FOREIGN KEY ("studioId", "proposalId") REFERENCES "Proposal"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_studioId_templateId_fkey" FOREIGN KEY ("studioId", "templateId") REFERENCES "QuestionnaireTemplate"("studioId", "id") ON DELETE SET NULL ("templateId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailTemplate" ADD CONSTRAINT "EmailTemplate_studioId_brandId_fkey" FOREIGN KEY ("studioId", "brandId") REFERENCES "Brand"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_studioId_proposalId_fkey" FOREIGN KEY ("studioId", "proposalId") REFERENCES "Proposal"("studioId", "id") ON DELETE SET NULL ("proposalId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_studioId_reissuedFromId_fkey" FOREIGN KEY ("studioId", "reissuedFromId") REFERENCES "Invoice"("studioId", "id") ON DELETE SET NULL ("reissuedFromId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_studioId_scheduleTemplateId_fkey" FOREIGN KEY ("studioId", "scheduleTemplateId") REFERENCES "PaymentScheduleTemplate"("studioId", "id") ON DELETE SET NULL ("scheduleTemplateId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Installment" ADD CONSTRAINT "Installment_studioId_invoiceId_fkey" FOREIGN KEY ("studioId", "invoiceId") REFERENCES "Invoice"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_studioId_invoiceId_fkey" FOREIGN KEY ("studioId", "invoiceId") REFERENCES "Invoice"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentCheckout" ADD CONSTRAINT "PaymentCheckout_studioId_invoiceId_fkey" FOREIGN KEY ("studioId", "invoiceId") REFERENCES "Invoice"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentCheckout" ADD CONSTRAINT "PaymentCheckout_studioId_installmentId_fkey" FOREIGN KEY ("studioId", "installmentId") REFERENCES "Installment"("studioId", "id") ON DELETE SET NULL ("installmentId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_studioId_installmentId_fkey" FOREIGN KEY ("studioId", "installmentId") REFERENCES "Installment"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_studioId_leadId_fkey" FOREIGN KEY ("studioId", "leadId") REFERENCES "Lead"("studioId", "id") ON DELETE SET NULL ("leadId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE SET NULL ("jobId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComposedEmail" ADD CONSTRAINT "ComposedEmail_studioId_contactId_fkey" FOREIGN KEY ("studioId", "contactId") REFERENCES "Contact"("studioId", "id") ON DELETE SET NULL ("contactId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplate" ADD CONSTRAINT "ContractTemplate_studioId_brandId_fkey" FOREIGN KEY ("studioId", "brandId") REFERENCES "Brand"("studioId", "id") ON DELETE SET NULL ("brandId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplateVersion" ADD CONSTRAINT "ContractTemplateVersion_studioId_templateId_fkey" FOREIGN KEY ("studioId", "templateId") REFERENCES "ContractTemplate"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_studioId_jobId_fkey" FOREIGN KEY ("studioId", "jobId") REFERENCES "Job"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_studioId_templateVersionId_fkey" FOREIGN KEY ("studioId", "templateVersionId") REFERENCES "ContractTemplateVersion"("studioId", "id") ON DELETE SET NULL ("templateVersionId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_studioId_proposalId_fkey" FOREIGN KEY ("studioId", "proposalId") REFERENCES "Proposal"("studioId", "id") ON DELETE SET NULL ("proposalId") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_studioId_contractId_fkey" FOREIGN KEY ("studioId", "contractId") REFERENCES "Contract"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAuditEntry" ADD CONSTRAINT "ContractAuditEntry_studioId_contractId_fkey" FOREIGN KEY ("studioId", "contractId") REFERENCES "Contract"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_studioId_eventId_fkey" FOREIGN KEY ("studioId", "eventId") REFERENCES "WebhookEvent"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_studioId_endpointId_fkey" FOREIGN KEY ("studioId", "endpointId") REFERENCES "WebhookEndpoint"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_studioId_deliveryId_fkey" FOREIGN KEY ("studioId", "deliveryId") REFERENCES "WebhookDelivery"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

