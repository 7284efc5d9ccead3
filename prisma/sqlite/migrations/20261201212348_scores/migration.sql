-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "profile" JSONB,
    "score" JSONB,
    "appraisalState" TEXT NOT NULL DEFAULT 'not_started',
    "startedAt" DATETIME,
    "lastActivityAt" DATETIME,
    "firstSubmittedAt" DATETIME,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "returnedAt" DATETIME,
    "returnNote" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Submission_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Submission" ("createdAt", "criteriaSetId", "id", "lastActivityAt", "periodId", "profile", "returnNote", "returnedAt", "startedAt", "status", "submittedAt", "submittedById", "unitId", "updatedAt", "verifiedAt", "version", "firstSubmittedAt", "appraisalState") SELECT "createdAt", "criteriaSetId", "id", "lastActivityAt", "periodId", "profile", "returnNote", "returnedAt", "startedAt", "status", "submittedAt", "submittedById", "unitId", "updatedAt", "verifiedAt", "version", "submittedAt", CASE WHEN "status" = 'verified' THEN 'done' WHEN "appraisalStarted" THEN 'in_progress' ELSE 'not_started' END FROM "Submission";
DROP TABLE "Submission";
ALTER TABLE "new_Submission" RENAME TO "Submission";
CREATE INDEX "Submission_periodId_status_idx" ON "Submission"("periodId", "status");
CREATE UNIQUE INDEX "Submission_periodId_unitId_criteriaSetId_key" ON "Submission"("periodId", "unitId", "criteriaSetId");
CREATE TABLE "new_Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "criterionCode" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "explanation" TEXT,
    "verifiedPoints" REAL,
    "verifiedNote" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "answeredById" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Answer_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Answer" ("answeredAt", "answeredById", "channel", "criterionCode", "explanation", "id", "submissionId", "updatedAt", "value", "verifiedAt", "verifiedById", "verifiedNote", "verifiedPoints") SELECT "answeredAt", "answeredById", "channel", "criterionCode", "explanation", "id", "submissionId", "updatedAt", "value", "verifiedAt", "verifiedById", "verifiedNote", "verifiedPoints" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE UNIQUE INDEX "Answer_submissionId_criterionCode_key" ON "Answer"("submissionId", "criterionCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

