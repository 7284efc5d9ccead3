-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "excludedReason" TEXT;

