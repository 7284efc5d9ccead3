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
type Slot = { held?: HeldWrite; sent?: true };

const slots = new AsyncLocalStorage<Slot>();

/** Runs a turn; its held write (if any) is returned for the caller to commit with the turn. */
export const collectTurnWrite = async <T>(run: () => Promise<T>): Promise<{ value: T; held?: HeldWrite }> => {
  const slot: Slot = {};
  const value = await slots.run(slot, run);
  return slot.held ? { value, held: slot.held } : { value };
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
