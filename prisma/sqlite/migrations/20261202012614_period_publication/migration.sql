-- CreateTable
CREATE TABLE "PeriodPublication" (
    "periodId" TEXT NOT NULL PRIMARY KEY,
    "publishedAt" DATETIME NOT NULL,
    "results" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

