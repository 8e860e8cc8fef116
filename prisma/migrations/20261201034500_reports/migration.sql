-- Reports: staff see them only when the owner allows it; bookings are counted by month whatever
-- their status, so they need an index by studio and creation time alone.

-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "staffCanSeeReports" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Booking_studioId_createdAt_idx" ON "Booking"("studioId", "createdAt");
