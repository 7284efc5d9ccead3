-- CreateTable
CREATE TABLE "CheckpointSnapshot" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,
    "answers" JSONB NOT NULL,
    "profile" JSONB,

    CONSTRAINT "CheckpointSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckpointSnapshot_submissionId_month_key" ON "CheckpointSnapshot"("submissionId", "month");

-- AddForeignKey
ALTER TABLE "CheckpointSnapshot" ADD CONSTRAINT "CheckpointSnapshot_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

