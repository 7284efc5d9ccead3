-- CreateTable
CREATE TABLE "EvidenceBlob" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

