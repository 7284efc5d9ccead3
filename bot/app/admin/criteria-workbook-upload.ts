// A province coordinator sends the province's criteria workbook (.xlsx) in the chat: first it is
// checked and summarised for confirmation (or its problems listed, few enough for a phone), then,
// once confirmed, imported. Stateless: the dialogue keeps the file and the checksum it showed,
// and the import re-reads the file and refuses it if it is not the one confirmed.
import type { Reply } from '../../../core/reply.ts';
import { keyParam, reply } from '../../../core/reply.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { importCriteriaSet } from './import-criteria-set.ts';
import type { CriteriaSetRepository, Membership, UnitRepository } from '../ports.ts';
import { criteriaChecksum } from '../../platform/criteria-workbook/criteria-checksum.ts';
import { readCriteriaWorkbook } from '../../platform/criteria-workbook/read-criteria-workbook.ts';
import { workbookIssueReply } from '../../platform/criteria-workbook/workbook-issues.ts';

export type WorkbookUploadDeps = {
  readonly units: Pick<UnitRepository, 'findById'>;
  readonly sets: CriteriaSetRepository;
};
export type WorkbookUploadInput = { readonly memberships: readonly Membership[]; readonly data: Uint8Array };

export type WorkbookSummary = {
  readonly key: string;
  readonly version: number;
  readonly level: CriteriaSet['level'];
  readonly title: string;
  readonly groups: number;
  readonly criteria: number;
  readonly totalPoints: number;
  readonly checksum: string;
};

export type WorkbookCheck =
  | { readonly kind: 'denied' | 'invalid' | 'unchanged' | 'conflict'; readonly replies: readonly Reply[] }
  | { readonly kind: 'ready'; readonly replies: readonly Reply[]; readonly summary: WorkbookSummary };

export type WorkbookImport = { readonly kind: 'denied' | 'invalid' | 'changed' | 'created' | 'unchanged' | 'conflict'; readonly replies: readonly Reply[] };

/** Choice values of the confirmation question. */
export const CONFIRM_IMPORT = 'criteria_workbook:confirm';
export const CANCEL_IMPORT = 'criteria_workbook:cancel';
/** A phone screen shows this many problems; the rest are counted. */
export const MAX_LISTED_ISSUES = 8;
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

const isProvinceCoordinator = async (deps: WorkbookUploadDeps, memberships: readonly Membership[]): Promise<boolean> => {
  for (const m of memberships.filter((x) => x.role === 'coordinator')) {
    if ((await deps.units.findById(m.unitId))?.level === 'province') return true;
  }
  return false;
};

type Read =
  | { readonly ok: true; readonly set: CriteriaSet; readonly checksum: string }
  | { readonly ok: false; readonly kind: 'denied' | 'invalid'; readonly replies: Reply[] };

const readUpload = async (deps: WorkbookUploadDeps, input: WorkbookUploadInput): Promise<Read> => {
  if (!(await isProvinceCoordinator(deps, input.memberships))) return { ok: false, kind: 'denied', replies: [reply('admin:upload.denied')] };
  if (input.data.byteLength > MAX_WORKBOOK_BYTES) {
    return {
      ok: false,
      kind: 'invalid',
      replies: [reply('admin:upload.too_large', { size: Math.ceil(input.data.byteLength / 1024), max: MAX_WORKBOOK_BYTES / 1024 })],
    };
  }
  const read = await readCriteriaWorkbook(input.data);
  if (read.ok) return { ok: true, set: read.value, checksum: criteriaChecksum(read.value) };
  const issues = read.error;
  const replies = [reply('admin:upload.errors', { count: issues.length }), ...issues.slice(0, MAX_LISTED_ISSUES).map(workbookIssueReply)];
  if (issues.length > MAX_LISTED_ISSUES) replies.push(reply('admin:upload.more', { count: issues.length - MAX_LISTED_ISSUES }));
  return { ok: false, kind: 'invalid', replies };
};

const setParams = (set: CriteriaSet) => ({ key: set.key, version: set.version, criteria: set.criteria.length });

/** Checks the uploaded workbook: its problems, or a summary to confirm with CONFIRM_IMPORT. */
export const checkCriteriaWorkbook = async (deps: WorkbookUploadDeps, input: WorkbookUploadInput): Promise<WorkbookCheck> => {
  const read = await readUpload(deps, input);
  if (!read.ok) return read;
  const { set, checksum } = read;
  const stored = await deps.sets.findByKey(set.key, set.version);
  if (stored) {
    const same = criteriaChecksum(stored.set) === checksum;
    return { kind: same ? 'unchanged' : 'conflict', replies: [reply(same ? 'admin:upload.unchanged' : 'admin:upload.conflict', setParams(set))] };
  }
  const summary: WorkbookSummary = {
    key: set.key,
    version: set.version,
    level: set.level,
    title: set.title.vi,
    groups: set.groups.length,
    criteria: set.criteria.length,
    totalPoints: set.totalPoints,
    checksum,
  };
  const params = {
    key: set.key,
    version: set.version,
    title: set.title.vi,
    level: keyParam(`admin:level.${set.level}`),
    groups: summary.groups,
    criteria: summary.criteria,
    points: set.totalPoints,
    checksum: checksum.slice(0, 12),
  };
  const choices = [
    { value: CONFIRM_IMPORT, key: 'admin:upload.confirm' },
    { value: CANCEL_IMPORT, key: 'admin:upload.cancel' },
  ];
  return { kind: 'ready', summary, replies: [reply('admin:upload.summary', params, choices)] };
};

/** Imports the workbook the coordinator confirmed; `checksum` is the one of its summary. */
export const importCriteriaWorkbook = async (deps: WorkbookUploadDeps, input: WorkbookUploadInput & { readonly checksum: string }): Promise<WorkbookImport> => {
  const read = await readUpload(deps, input);
  if (!read.ok) return read;
  if (read.checksum !== input.checksum) return { kind: 'changed', replies: [reply('admin:upload.changed')] };
  const outcome = await importCriteriaSet(deps.sets, read.set);
  const key = outcome.kind === 'created' ? 'admin:upload.imported' : `admin:upload.${outcome.kind}`;
  return { kind: outcome.kind, replies: [reply(key, setParams(read.set))] };
};
