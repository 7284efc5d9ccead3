-- A dialogue turn's commit as one statement: one INSERT into this view, whose trigger writes the
-- update's claim, the turn's answer (version bump, answer, revision) when it has one, and the
-- chat state. A single statement is atomic on its own, so the turn needs no BEGIN/COMMIT: the
-- turn is one round trip to read and one to write (issue 20). An exception undoes everything
-- the statement did; its message tells the caller why (turn_duplicate, turn_published,
-- turn_conflict). The guarded UPDATE takes the submission's row lock, so concurrent writers of
-- one submission are serialised and the later one sees the version it lost.
CREATE VIEW "TurnCommit" AS SELECT
  NULL::text AS "key", NULL::timestamp(3) AS "at", NULL::text AS "channel", NULL::text AS "chatId", NULL::text AS "stateId",
  NULL::text AS "accountId", NULL::text AS "chatSubmissionId", NULL::jsonb AS "state", NULL::text AS "submissionId",
  NULL::integer AS "expectedVersion", NULL::jsonb AS "score", NULL::text AS "answerId", NULL::text AS "revisionId",
  NULL::text AS "criterionCode", NULL::jsonb AS "value", NULL::text AS "explanation", NULL::text AS "personId",
  NULL::text AS "answerChannel"
WHERE false;

CREATE FUNCTION "turn_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (NEW."key", NEW."at") ON CONFLICT ("key") DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'turn_duplicate';
  END IF;
  IF NEW."submissionId" IS NOT NULL THEN
    UPDATE "Submission" SET "version" = "version" + 1, "lastActivityAt" = NEW."at", "updatedAt" = NEW."at",
      "score" = COALESCE(NEW."score", "score")
    WHERE "id" = NEW."submissionId" AND "version" = NEW."expectedVersion"
      AND "periodId" IN (SELECT "id" FROM "Period" WHERE "status" <> 'published');
    IF NOT FOUND THEN
      IF EXISTS (SELECT 1 FROM "Submission" s JOIN "Period" p ON p."id" = s."periodId"
                 WHERE s."id" = NEW."submissionId" AND p."status" = 'published') THEN
        RAISE EXCEPTION 'turn_published';
      END IF;
      RAISE EXCEPTION 'turn_conflict';
    END IF;
    INSERT INTO "Answer" ("id", "submissionId", "criterionCode", "value", "explanation", "answeredById", "channel", "answeredAt", "updatedAt")
    VALUES (NEW."answerId", NEW."submissionId", NEW."criterionCode", NEW."value", NEW."explanation", NEW."personId", NEW."answerChannel", NEW."at", NEW."at")
    ON CONFLICT ("submissionId", "criterionCode") DO UPDATE SET "value" = excluded."value", "explanation" = excluded."explanation",
      "answeredById" = excluded."answeredById", "channel" = excluded."channel", "answeredAt" = excluded."answeredAt", "updatedAt" = excluded."updatedAt";
    INSERT INTO "AnswerRevision" ("id", "submissionId", "criterionCode", "kind", "value", "explanation", "personId", "channel", "createdAt")
    VALUES (NEW."revisionId", NEW."submissionId", NEW."criterionCode", 'answer', NEW."value", NEW."explanation", NEW."personId", NEW."answerChannel", NEW."at");
  END IF;
  INSERT INTO "ChatState" ("id", "channel", "chatId", "accountId", "submissionId", "state", "updatedAt")
  VALUES (NEW."stateId", NEW."channel", NEW."chatId", NEW."accountId", NEW."chatSubmissionId", NEW."state", NEW."at")
  ON CONFLICT ("channel", "chatId") DO UPDATE SET "accountId" = excluded."accountId", "submissionId" = excluded."submissionId",
    "state" = excluded."state", "updatedAt" = excluded."updatedAt";
  RETURN NEW;
END
$$;

CREATE TRIGGER "TurnCommit_insert" INSTEAD OF INSERT ON "TurnCommit" FOR EACH ROW EXECUTE FUNCTION "turn_commit"();
