// The officer's most frequent write — one answer, the recomputed score, the version bump and
// the revision — as three plain statements. Through Prisma's nested update the same change
// took seven (an upsert's SELECT, a SELECT after the UPDATE) and most of the turn's CPU went
// into compiling it; raw statements skip the query compiler. A dialogue turn does not come
// here: its answer is written by the turn's one statement (turn-commit.ts, the same columns in
// the TurnCommit trigger); every other change (status, appraisal, checkpoints, several answers)
// keeps the nested update.
import { randomUUID } from 'node:crypto';
import type { Change } from '../../app/ports.ts';
import type { Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { rawValues } from './raw-values.ts';

/** What the statements need of a client: a transaction's. */
type RawClient = Pick<Db, '$queryRaw' | '$executeRaw'>;

// The change's statements on `tx`; the new version, or null when the guarded UPDATE matched
// nothing and nothing was written (see guardFailure).
const statements = async (db: Db, tx: RawClient, submissionId: string, change: Change): Promise<number | null> => {
  const answer = change.answers?.[0];
  if (!answer) throw new Error('writeSingleAnswer: no answer');
  const raw = rawValues(db);
  const at = raw.at(change.now);
  const json = raw.json;
  const explanation = answer.explanation ?? null;
  const { personId, channel } = change.actor;
  const rows = await tx.$queryRaw<{ version: number | bigint }[]>`
    UPDATE "Submission" SET "version" = "version" + 1, "lastActivityAt" = ${at}, "updatedAt" = ${at}
      ${change.score ? Prisma.sql`, "score" = ${json(change.score)}` : Prisma.empty}
    WHERE "id" = ${submissionId} AND "version" = ${change.expectedVersion}
      AND "periodId" IN (SELECT "id" FROM "Period" WHERE "status" <> 'published')
    RETURNING "version"`;
  const row = rows[0];
  if (!row) return null;
  await tx.$executeRaw`
    INSERT INTO "Answer" ("id", "submissionId", "criterionCode", "value", "explanation", "answeredById", "channel", "answeredAt", "updatedAt")
    VALUES (${randomUUID()}, ${submissionId}, ${answer.code}, ${json(answer.value)}, ${explanation}, ${personId}, ${channel}, ${at}, ${at})
    ON CONFLICT ("submissionId", "criterionCode") DO UPDATE SET "value" = excluded."value", "explanation" = excluded."explanation",
      "answeredById" = excluded."answeredById", "channel" = excluded."channel", "answeredAt" = excluded."answeredAt", "updatedAt" = excluded."updatedAt"`;
  await tx.$executeRaw`
    INSERT INTO "AnswerRevision" ("id", "submissionId", "criterionCode", "kind", "value", "explanation", "personId", "channel", "createdAt")
    VALUES (${randomUUID()}, ${submissionId}, ${answer.code}, 'answer', ${json(answer.value)}, ${explanation}, ${personId}, ${channel}, ${at})`;
  return Number(row.version);
};

/** The change in a transaction of its own: the new version, or null when nothing was written. */
export const writeSingleAnswer = (db: Db, submissionId: string, change: Change): Promise<number | null> =>
  db.$transaction((tx) => statements(db, tx, submissionId, change));

/** Why a guarded write matched no row: the period is published, or another writer took the version. */
export const guardFailure = async (db: Db, submissionId: string): Promise<'published' | 'conflict'> =>
  (await db.submission.findUnique({ where: { id: submissionId }, select: { period: { select: { status: true } } } }))?.period.status === 'published'
    ? 'published'
    : 'conflict';
