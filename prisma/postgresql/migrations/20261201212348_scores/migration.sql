-- Scores are computed (cached in "score"); lateness comes from the first submission; appraisal has a state.
ALTER TABLE "Submission" ADD COLUMN     "appraisalState" TEXT NOT NULL DEFAULT 'not_started',
ADD COLUMN     "firstSubmittedAt" TIMESTAMP(3),
ADD COLUMN     "score" JSONB;

-- Keep what is known: the submission time, and whether appraisal had started.
UPDATE "Submission" SET "firstSubmittedAt" = "submittedAt" WHERE "submittedAt" IS NOT NULL;
UPDATE "Submission" SET "appraisalState" = CASE WHEN "status" = 'verified' THEN 'done' WHEN "appraisalStarted" THEN 'in_progress' ELSE 'not_started' END;

-- AlterTable
ALTER TABLE "Submission" DROP COLUMN "answeredCount",
DROP COLUMN "applicableMax",
DROP COLUMN "appraisalStarted",
DROP COLUMN "groupPoints",
DROP COLUMN "lateBeyondTolerance",
DROP COLUMN "selfPercent",
DROP COLUMN "selfPoints",
DROP COLUMN "tier",
DROP COLUMN "verifiedPercent",
DROP COLUMN "verifiedPoints",
DROP COLUMN "workingDaysLate";

-- AlterTable
ALTER TABLE "Answer" DROP COLUMN "points";
