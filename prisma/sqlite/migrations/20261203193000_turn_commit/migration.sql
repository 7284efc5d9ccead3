-- A dialogue turn's commit as one statement: one INSERT into this view, whose trigger writes the
-- update's claim, the turn's answer (version bump, answer, revision) when it has one, and the
-- chat state. A single statement is atomic on its own, so the turn needs no BEGIN/COMMIT: the
-- turn is one read and this one write (issue 20). A RAISE undoes everything the statement did;
-- its message tells the caller why (turn_duplicate, turn_published, turn_conflict).
CREATE VIEW "TurnCommit" AS SELECT
  NULL AS "key", NULL AS "at", NULL AS "channel", NULL AS "chatId", NULL AS "stateId", NULL AS "accountId",
  NULL AS "chatSubmissionId", NULL AS "state", NULL AS "submissionId", NULL AS "expectedVersion", NULL AS "score",
  NULL AS "answerId", NULL AS "revisionId", NULL AS "criterionCode", NULL AS "value", NULL AS "explanation",
  NULL AS "personId", NULL AS "answerChannel"
WHERE 0;

CREATE TRIGGER "TurnCommit_insert" INSTEAD OF INSERT ON "TurnCommit"
BEGIN
  SELECT RAISE(ABORT, 'turn_duplicate') WHERE EXISTS (SELECT 1 FROM "ProcessedUpdate" WHERE "key" = NEW."key");
  INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (NEW."key", NEW."at");
  SELECT RAISE(ABORT, 'turn_published') WHERE NEW."submissionId" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Submission" s JOIN "Period" p ON p."id" = s."periodId" WHERE s."id" = NEW."submissionId" AND p."status" = 'published');
  SELECT RAISE(ABORT, 'turn_conflict') WHERE NEW."submissionId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Submission" WHERE "id" = NEW."submissionId" AND "version" = NEW."expectedVersion");
  UPDATE "Submission" SET "version" = "version" + 1, "lastActivityAt" = NEW."at", "updatedAt" = NEW."at",
    "score" = COALESCE(NEW."score", "score")
  WHERE "id" = NEW."submissionId";
  INSERT INTO "Answer" ("id", "submissionId", "criterionCode", "value", "explanation", "answeredById", "channel", "answeredAt", "updatedAt")
    SELECT NEW."answerId", NEW."submissionId", NEW."criterionCode", NEW."value", NEW."explanation", NEW."personId", NEW."answerChannel", NEW."at", NEW."at"
    WHERE NEW."submissionId" IS NOT NULL
  ON CONFLICT ("submissionId", "criterionCode") DO UPDATE SET "value" = excluded."value", "explanation" = excluded."explanation",
    "answeredById" = excluded."answeredById", "channel" = excluded."channel", "answeredAt" = excluded."answeredAt", "updatedAt" = excluded."updatedAt";
  INSERT INTO "AnswerRevision" ("id", "submissionId", "criterionCode", "kind", "value", "explanation", "personId", "channel", "createdAt")
    SELECT NEW."revisionId", NEW."submissionId", NEW."criterionCode", 'answer', NEW."value", NEW."explanation", NEW."personId", NEW."answerChannel", NEW."at"
    WHERE NEW."submissionId" IS NOT NULL;
  INSERT INTO "ChatState" ("id", "channel", "chatId", "accountId", "submissionId", "state", "updatedAt")
    VALUES (NEW."stateId", NEW."channel", NEW."chatId", NEW."accountId", NEW."chatSubmissionId", NEW."state", NEW."at")
  ON CONFLICT ("channel", "chatId") DO UPDATE SET "accountId" = excluded."accountId", "submissionId" = excluded."submissionId",
    "state" = excluded."state", "updatedAt" = excluded."updatedAt";
END;
