-- No unique constraint crosses studios where a studio's own rows are meant (docs/scaling.md,
-- section 7): the six per-parent uniques (a reminder per installment and offset, a digest per member
-- and day, a template's version numbers, a contract's signature per role and audit sequence, a
-- webhook delivery per event and endpoint) lead with studioId, as a database distributed by studioId
-- requires. The parent belongs to one studio, so this allows nothing new. Three studioId indexes
-- go: the new uniques (or the (studioId, id) one) start with it. The global lookups (token hashes,
-- provider ids) stay unique alone: they are the directory's (docs/scaling.md).

-- DropIndex
DROP INDEX "Reminder_installmentId_offsetDays_key";

-- DropIndex
DROP INDEX "LeadDigest_userId_day_key";

-- DropIndex
DROP INDEX "ContractTemplateVersion_studioId_idx";

-- DropIndex
DROP INDEX "ContractTemplateVersion_templateId_number_key";

-- DropIndex
DROP INDEX "ContractSignature_studioId_idx";

-- DropIndex
DROP INDEX "ContractSignature_contractId_role_key";

-- DropIndex
DROP INDEX "ContractAuditEntry_studioId_idx";

-- DropIndex
DROP INDEX "ContractAuditEntry_contractId_seq_key";

-- DropIndex
DROP INDEX "WebhookDelivery_eventId_endpointId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_studioId_installmentId_offsetDays_key" ON "Reminder"("studioId", "installmentId", "offsetDays");

-- CreateIndex
CREATE UNIQUE INDEX "LeadDigest_studioId_userId_day_key" ON "LeadDigest"("studioId", "userId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplateVersion_studioId_templateId_number_key" ON "ContractTemplateVersion"("studioId", "templateId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ContractSignature_studioId_contractId_role_key" ON "ContractSignature"("studioId", "contractId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ContractAuditEntry_studioId_contractId_seq_key" ON "ContractAuditEntry"("studioId", "contractId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_studioId_eventId_endpointId_key" ON "WebhookDelivery"("studioId", "eventId", "endpointId");

