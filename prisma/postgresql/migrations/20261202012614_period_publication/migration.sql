-- CreateTable
CREATE TABLE "PeriodPublication" (
    "periodId" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "results" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodPublication_pkey" PRIMARY KEY ("periodId")
);

