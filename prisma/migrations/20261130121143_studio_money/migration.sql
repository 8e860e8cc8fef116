-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US';

