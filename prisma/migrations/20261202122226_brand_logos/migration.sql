-- CreateTable
CREATE TABLE "BrandLogo" (
    "brandId" TEXT NOT NULL,
    "studioId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrandLogo_pkey" PRIMARY KEY ("brandId")
);

-- CreateIndex
CREATE UNIQUE INDEX "BrandLogo_studioId_brandId_key" ON "BrandLogo"("studioId", "brandId");

-- CreateIndex
CREATE UNIQUE INDEX "Brand_studioId_id_key" ON "Brand"("studioId", "id");

-- AddForeignKey
ALTER TABLE "BrandLogo" ADD CONSTRAINT "BrandLogo_studioId_brandId_fkey" FOREIGN KEY ("studioId", "brandId") REFERENCES "Brand"("studioId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BrandLogo" ADD CONSTRAINT "BrandLogo_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "Studio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

