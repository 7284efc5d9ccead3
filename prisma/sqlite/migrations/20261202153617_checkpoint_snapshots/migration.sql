-- CreateTable
CREATE TABLE "CheckpointSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL,
    "recordedById" TEXT,
    "answers" JSONB NOT NULL,
    "profile" JSONB,
    CONSTRAINT "CheckpointSnapshot_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckpointSnapshot_submissionId_month_key" ON "CheckpointSnapshot"("submissionId", "month");

