-- AlterTable
ALTER TABLE "Period" ADD COLUMN "key" TEXT;

-- CreateTable
CREATE TABLE "CalendarYear" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarYear_year_key" ON "CalendarYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Period_key_key" ON "Period"("key");

