-- CreateTable
CREATE TABLE "SignedForm" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "answersSha256" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "signerSubject" TEXT NOT NULL,
    "signerName" TEXT,
    "signingTime" TIMESTAMP(3),
    "uploadedById" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignedForm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignedForm_submissionId_createdAt_idx" ON "SignedForm"("submissionId", "createdAt");

-- AddForeignKey
ALTER TABLE "SignedForm" ADD CONSTRAINT "SignedForm_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

