// A dialogue turn's one submission write, held back so that it commits with the turn's end:
// the update's claim, the answer and the chat state together or not at all (commitTurn), in
// one transaction instead of two. Only a single answer is held back, once per turn; any other
// write in the same turn first sends the held one on its own, so writes keep their order.
import { AsyncLocalStorage } from 'node:async_hooks';
import { periodPublishedError, submissionBusyError, type ChangeOutcome, type SubmissionSnapshot, type TurnWrite } from '../ports.ts';

export type HeldWrite = TurnWrite & {
  /** The submission as it is once the write commits (remembered by the snapshot cache then). */
  readonly snapshot: SubmissionSnapshot;
};
type Slot = {
  held?: HeldWrite;
  sent?: true;
  /** Submissions whose in-process lock this turn keeps until it has committed. */
  locked?: Set<string>;
  ended: Promise<void>;
};

const slots = new AsyncLocalStorage<Slot>();

/**
 * Runs a turn (`run`), then `finish` with its held write (if any) to commit it with the turn;
 * the submission locks the turn kept are released once `finish` has settled.
 */
export const runTurnWrite = async <T, R>(run: () => Promise<T>, finish: (value: T, held: HeldWrite | undefined) => Promise<R>): Promise<R> => {
  let release = (): void => undefined;
  const slot: Slot = { ended: new Promise<void>((resolve) => (release = resolve)) };
  try {
    const value = await slots.run(slot, run);
    return await finish(value, slot.held);
  } finally {
    release();
  }
};

/** Whether this turn already holds the submission's lock (a second write of the turn must not wait for it). */
export const holdsTurnLock = (submissionId: string): boolean => slots.getStore()?.locked?.has(submissionId) ?? false;

/**
 * When this turn held back a write to the submission, the lock is kept until the turn has
 * committed: the next writer in this process then reads the committed version instead of
 * losing the race for it. Resolves at once otherwise.
 */
export const keepLockUntilCommitted = (submissionId: string): Promise<void> => {
  const slot = slots.getStore();
  if (!slot || slot.held?.submissionId !== submissionId) return Promise.resolve();
  (slot.locked ??= new Set()).add(submissionId);
  return slot.ended;
};

/** Holds the write back when this is a turn's first write; false outside a turn or after one. */
export const holdTurnWrite = (write: HeldWrite): boolean => {
  const slot = slots.getStore();
  if (!slot || slot.held || slot.sent) return false;
  slot.held = write;
  return true;
};

/**
 * Before any other write of the turn: the held one is written first, on its own (`send`).
 * Throws when it no longer applies: the turn's replies assumed it.
 */
export const sendHeldWrite = async (send: (w: TurnWrite) => Promise<ChangeOutcome>): Promise<void> => {
  const slot = slots.getStore();
  if (!slot) return;
  slot.sent = true;
  const held = slot.held;
  if (!held) return;
  delete slot.held;
  const outcome = await send(held);
  if (!outcome.ok) throw outcome.reason === 'published' ? periodPublishedError(held.submissionId) : submissionBusyError(held.submissionId);
};
