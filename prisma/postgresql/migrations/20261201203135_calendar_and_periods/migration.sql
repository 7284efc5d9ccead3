-- AlterTable
ALTER TABLE "Period" ADD COLUMN     "key" TEXT;

-- CreateTable
CREATE TABLE "CalendarYear" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarYear_year_key" ON "CalendarYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Period_key_key" ON "Period"("key");

