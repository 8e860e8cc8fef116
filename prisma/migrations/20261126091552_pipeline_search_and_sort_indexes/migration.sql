-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Contact_name_email_idx" ON "Contact" USING GIN ("name" gin_trgm_ops, "email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_studioId_eventDate_idx" ON "Lead"("studioId", "eventDate");

-- CreateIndex
CREATE INDEX "Lead_name_email_idx" ON "Lead" USING GIN ("name" gin_trgm_ops, "email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Booking_studioId_status_createdAt_idx" ON "Booking"("studioId", "status", "createdAt");

