-- CreateTable
CREATE TABLE "SignedForm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "answersSha256" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "signerSubject" TEXT NOT NULL,
    "signerName" TEXT,
    "signingTime" DATETIME,
    "uploadedById" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignedForm_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignedForm_submissionId_createdAt_idx" ON "SignedForm"("submissionId", "createdAt");

