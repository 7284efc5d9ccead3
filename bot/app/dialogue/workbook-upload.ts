// A province coordinator sends the criteria workbook (.xlsx) in the chat: the bot answers with its
// problems, cell by cell, or a summary to confirm; on "Nạp" it fetches the same file again and
// imports it only if it is still the one confirmed (the checksum shown). The chat state keeps the
// file reference and that checksum between the two messages.
import { reply } from '../../../core/reply.ts';
import { CANCEL_IMPORT, checkCriteriaWorkbook, CONFIRM_IMPORT, importCriteriaWorkbook, MAX_WORKBOOK_BYTES } from '../admin/criteria-workbook-upload.ts';
import type { InboundContent } from '../inbound.ts';
import type { DialogueDeps } from './deps.ts';
import { withOffered } from './offered.ts';
import { result, type Turn, type TurnResult } from './turn.ts';

type FileContent = Extract<InboundContent, { kind: 'file' }>;

const uploadDeps = (deps: DialogueDeps) => ({ units: deps.units, sets: deps.criteriaSets });

const fetchWorkbook = async (turn: Turn, content: FileContent): Promise<Uint8Array | null> => {
  const fetched = await turn.fetchFile(content, MAX_WORKBOOK_BYTES);
  return fetched.ok ? fetched.value.buffer : null;
};

/** Null when this file is not a criteria workbook from a coordinator (other handlers look at it). */
export const receiveWorkbook = async (deps: DialogueDeps, turn: Turn, content: FileContent): Promise<TurnResult | null> => {
  if (content.fileKind !== 'document' || !/\.xlsx$/i.test(content.fileName ?? '') || !turn.memberships.some((m) => m.role === 'coordinator')) return null;
  const data = await fetchWorkbook(turn, content);
  if (!data) return result(turn.state, [reply('dialogue:evidence.download_failed')]);
  const check = await checkCriteriaWorkbook(uploadDeps(deps), { memberships: turn.memberships, data });
  if (check.kind !== 'ready') return result(turn.state, check.replies);
  const workbook = {
    fileRef: content.fileRef,
    fileName: content.fileName ?? '',
    checksum: check.summary.checksum,
    ...(content.url ? { url: content.url } : {}),
  };
  return withOffered(result({ ...turn.state, workbook }, check.replies), true);
};

/** The answer to the confirmation: import the confirmed file, or drop it. */
export const confirmWorkbook = async (deps: DialogueDeps, turn: Turn, value: string): Promise<TurnResult> => {
  const pending = turn.state.workbook;
  const state = { ...turn.state, workbook: undefined };
  if (value === CANCEL_IMPORT || !pending) return result(state, [reply('admin:upload.cancelled')]);
  const content: FileContent = {
    kind: 'file',
    fileKind: 'document',
    fileRef: pending.fileRef,
    fileName: pending.fileName,
    ...(pending.url ? { url: pending.url } : {}),
  };
  const data = await fetchWorkbook(turn, content);
  if (!data) return result(turn.state, [reply('dialogue:evidence.download_failed')]);
  const done = await importCriteriaWorkbook(uploadDeps(deps), { memberships: turn.memberships, data, checksum: pending.checksum });
  return result(state, done.replies);
};

export const isWorkbookChoice = (value: string): boolean => value === CONFIRM_IMPORT || value === CANCEL_IMPORT;
