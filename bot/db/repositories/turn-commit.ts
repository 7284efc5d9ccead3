// A dialogue turn's commit as one INSERT into the "TurnCommit" view, whose trigger (migration
// 20261203193000_turn_commit, one per dialect) writes the update's claim, the turn's answer
// when it holds one, and the chat state — all of it or, on a RAISE, none of it. One statement
// is atomic on its own, so a turn costs one read and this one write, not a transaction of
// six statements (issue 20: at most four statements an answer).
import { randomUUID } from 'node:crypto';
import type { Db } from '../database.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { rawValues } from './raw-values.ts';
import type { ChannelKind } from '../../app/inbound.ts';
import type { ChatStateInput, TurnWrite } from '../../app/ports.ts';

export type TurnOutcome = 'done' | 'duplicate' | 'conflict' | 'published';

// The trigger's RAISE messages: SQLite puts them in the driver error's message, PostgreSQL in
// the exception's; Prisma passes either on in its error's message or meta.
const refusals = ['turn_duplicate', 'turn_published', 'turn_conflict'] as const;
const refusalOf = (error: unknown): TurnOutcome | null => {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? '')}` : '';
  const hit = refusals.find((r) => text.includes(r));
  return hit ? (hit.slice('turn_'.length) as TurnOutcome) : null;
};

export const createTurnCommit = (db: Db) => {
  const raw = rawValues(db);
  /** Commits the turn; the trigger's refusal as an outcome, any other failure thrown. */
  return async (key: string, now: Date, channel: ChannelKind, chatId: string, input: ChatStateInput, write?: TurnWrite): Promise<TurnOutcome> => {
    const at = raw.at(now);
    const answer = write?.change.answers?.[0];
    if (write && !answer) throw new Error('turn commit: a held write without its answer');
    const change = write?.change;
    const score = change?.score ? raw.json(change.score) : Prisma.sql`NULL`;
    const value = answer ? raw.json(answer.value) : Prisma.sql`NULL`;
    try {
      await db.$executeRaw`
        INSERT INTO "TurnCommit" ("key", "at", "channel", "chatId", "stateId", "accountId", "chatSubmissionId", "state",
          "submissionId", "expectedVersion", "score", "answerId", "revisionId", "criterionCode", "value", "explanation", "personId", "answerChannel")
        VALUES (${key}, ${at}, ${channel}, ${chatId}, ${randomUUID()}, ${input.accountId}, ${input.submissionId}, ${raw.json(input.state)},
          ${write?.submissionId ?? null}, ${change?.expectedVersion ?? null}, ${score}, ${randomUUID()}, ${randomUUID()},
          ${answer?.code ?? null}, ${value}, ${answer?.explanation ?? null}, ${change?.actor.personId ?? null}, ${change?.actor.channel ?? null})`;
      return 'done';
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return refusal;
      throw error;
    }
  };
};
