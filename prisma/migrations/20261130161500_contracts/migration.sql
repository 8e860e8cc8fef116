-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'SENT', 'VIEWED', 'SIGNED', 'COUNTERSIGNED', 'VOIDED');

-- CreateEnum
CREATE TYPE "SignerRole" AS ENUM ('CLIENT', 'STUDIO');

-- AlterTable
ALTER TABLE "Studio" ADD COLUMN     "contractReminderDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "countersignAutomatically" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContractTemplate" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "brandId" TEXT,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractTemplateVersion" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "templateVersionId" TEXT,
    "proposalId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "customValues" JSONB NOT NULL DEFAULT '{}',
    "status" "ContractStatus" NOT NULL DEFAULT 'DRAFT',
    "html" TEXT,
    "documentHash" TEXT,
    "tokenHash" TEXT,
    "linkVersion" INTEGER NOT NULL DEFAULT 0,
    "linkExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "viewedAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3),
    "countersignedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractSignature" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "role" "SignerRole" NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "image" BYTEA,
    "documentHash" TEXT NOT NULL,

    CONSTRAINT "ContractSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractAuditEntry" (
    "id" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "ContractAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractTemplate_studioId_name_idx" ON "ContractTemplate"("studioId", "name");

-- CreateIndex
CREATE INDEX "ContractTemplate_brandId_idx" ON "ContractTemplate"("brandId");

-- CreateIndex
CREATE INDEX "ContractTemplateVersion_studioId_idx" ON "ContractTemplateVersion"("studioId");

-- CreateIndex
CREATE INDEX "ContractTemplateVersion_authorId_idx" ON "ContractTemplateVersion"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplateVersion_templateId_number_key" ON "ContractTemplateVersion"("templateId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_proposalId_key" ON "Contract"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_tokenHash_key" ON "Contract"("tokenHash");

-- CreateIndex
CREATE INDEX "Contract_studioId_status_sentAt_idx" ON "Contract"("studioId", "status", "sentAt");

-- CreateIndex
CREATE INDEX "Contract_jobId_createdAt_idx" ON "Contract"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Contract_templateVersionId_idx" ON "Contract"("templateVersionId");

-- CreateIndex
CREATE INDEX "ContractSignature_studioId_idx" ON "ContractSignature"("studioId");

-- CreateIndex
CREATE INDEX "ContractSignature_userId_idx" ON "ContractSignature"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractSignature_contractId_role_key" ON "ContractSignature"("contractId", "role");

-- CreateIndex
CREATE INDEX "ContractAuditEntry_studioId_idx" ON "ContractAuditEntry"("studioId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractAuditEntry_contractId_seq_key" ON "ContractAuditEntry"("contractId", "seq");

-- AddForeignKey
ALTER TABLE "ContractTemplate" ADD CONSTRAINT "ContractTemplate_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplate" ADD CONSTRAINT "ContractTemplate_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplateVersion" ADD CONSTRAINT "ContractTemplateVersion_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplateVersion" ADD CONSTRAINT "ContractTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ContractTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTemplateVersion" ADD CONSTRAINT "ContractTemplateVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_templateVersionId_fkey" FOREIGN KEY ("templateVersionId") REFERENCES "ContractTemplateVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractSignature" ADD CONSTRAINT "ContractSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAuditEntry" ADD CONSTRAINT "ContractAuditEntry_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAuditEntry" ADD CONSTRAINT "ContractAuditEntry_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

