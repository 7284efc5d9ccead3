// The ports of the use cases: the repositories they read and write (implemented with Prisma
// in bot/db) and the services the shell provides. Use cases depend on these types only, never
// on a database client, so they run the same over SQLite, PostgreSQL or in-memory fakes.
import type { FileType } from '../../core/evidence/file-type.ts';
import type { Answers, AnswerValue, ProfileValues } from '../../core/criteria/answer-value.schema.ts';
import type { CheckpointAnswers } from '../../core/criteria/checkpoint-answers.ts';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import type { YearCalendar } from '../../core/calendar/calendar.schema.ts';
import type { ScoreCache } from '../../core/criteria/submission-score.ts';
import type { AssessedLevel, Period, PeriodInput } from '../../core/periods/period.schema.ts';
import type { NewUnit, Unit, UnitLevel } from '../../core/units/unit.ts';
import type { ChannelKind } from './inbound.ts';

// ── People, accounts, memberships ────────────────────────────────────────────────────────
export type Role = 'reporter' | 'coordinator' | 'assessor' | 'admin';
export type Person = { readonly id: string; readonly displayName: string; readonly locale: string };
export type ChannelAccount = {
  readonly id: string;
  readonly personId: string;
  readonly channel: ChannelKind;
  readonly externalId: string;
  readonly chatId: string;
  readonly locale: string | null;
  readonly unreachable: boolean;
  readonly failedInviteAttempts: number;
  readonly inviteLockedUntil: Date | null;
};
export type Membership = { readonly id: string; readonly personId: string; readonly unitId: string; readonly role: Role };
export type MemberAccount = ChannelAccount & { readonly unitId: string };
/** Who holds a role on a unit (`member list`, /members): the person, the role, their chat channels. */
export type UnitMember = {
  readonly membershipId: string;
  readonly personId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly channels: readonly ChannelKind[];
  readonly since: Date;
};

export type PeopleRepository = {
  createPerson(input: { displayName: string; locale: string }): Promise<Person>;
  findPerson(id: string): Promise<Person | null>;
  setPersonLocale(personId: string, locale: string): Promise<void>;
  findAccount(channel: ChannelKind, externalId: string): Promise<ChannelAccount | null>;
  findAccountById(id: string): Promise<ChannelAccount | null>;
  /** Finds the account or creates it together with a new person (first contact). */
  ensureAccount(input: { channel: ChannelKind; externalId: string; chatId: string; displayName: string; locale: string; now: Date }): Promise<ChannelAccount>;
  listAccountsOfPerson(personId: string): Promise<ChannelAccount[]>;
  moveAccount(accountId: string, personId: string): Promise<void>;
  markUnreachable(accountId: string, at: Date): Promise<void>;
  markReachable(accountId: string, at: Date): Promise<void>;
  recordInviteFailure(accountId: string, lockUntil: Date | null): Promise<number>;
  resetInviteFailures(accountId: string): Promise<void>;
  grantMembership(input: { personId: string; unitId: string; role: Role }): Promise<Membership>;
  revokeMembership(id: string, at: Date): Promise<void>;
  listMemberships(personId: string): Promise<Membership[]>;
  /** Accounts of everyone holding `role` on one of `unitIds` (e.g. the reporters to remind). */
  listMemberAccounts(unitIds: readonly string[], role: Role): Promise<MemberAccount[]>;
  /** Active members of one unit, oldest first. */
  listUnitMembers(unitId: string): Promise<UnitMember[]>;
  /** Revokes every active role of a person on a unit; how many were revoked. */
  revokeUnitMember(unitId: string, personId: string, at: Date): Promise<number>;
};

// ── Units ────────────────────────────────────────────────────────────────────────────────
export type UnitWithParentCode = Unit & { readonly parentCode: string | null };

export type UnitRepository = {
  findByCode(code: string): Promise<Unit | null>;
  findById(id: string): Promise<Unit | null>;
  list(filter?: { level?: UnitLevel; parentId?: string }): Promise<UnitWithParentCode[]>;
  levelsByCode(): Promise<Map<string, UnitLevel>>;
  count(): Promise<number>;
  /** Inserts or updates units by code in one transaction; parents must precede children. */
  upsertMany(units: readonly NewUnit[]): Promise<number>;
  /** Records predecessor → successor links from `effectiveOn`; predecessors end, the successor starts, that day. */
  recordMerge(input: { predecessorIds: readonly string[]; successorId: string; effectiveOn: Date }): Promise<void>;
  /** The units merged into `unitId`, with the day the merger took effect. */
  predecessorsOf(unitId: string): Promise<{ readonly unit: Unit; readonly effectiveOn: Date | null }[]>;
  /** Marks a unit excluded (with the reason) or included again; null when no unit has the code. */
  setExcluded(code: string, excluded: boolean, reason?: string | null): Promise<Unit | null>;
};

// ── Chats and inbound de-duplication ─────────────────────────────────────────────────────
/** What a chat's row holds besides its key: who, which submission, and the dialogue's state. */
export type ChatStateInput = { readonly accountId: string | null; readonly submissionId: string | null; readonly state: unknown };

export type ChatRepository = {
  getState(channel: ChannelKind, chatId: string): Promise<unknown>;
  saveState(channel: ChannelKind, chatId: string, input: ChatStateInput): Promise<void>;
  /** Records an inbound update key; false when it was already processed (a redelivery). */
  claimUpdate(key: string, now: Date): Promise<boolean>;
  releaseUpdate(key: string): Promise<void>;
  /** True when the update was processed to the end before (a redelivery: nothing is done again). */
  isProcessed(key: string): Promise<boolean>;
  /** What a turn starts from, in one read: whether the update was processed, and the chat's state. */
  openTurn(key: string, channel: ChannelKind, chatId: string): Promise<{ readonly processed: boolean; readonly state: unknown }>;
  /**
   * Ends a turn: records the update as processed and saves the chat state in one transaction;
   * false (and nothing saved) when another delivery of the same update finished first.
   */
  completeTurn(key: string, now: Date, channel: ChannelKind, chatId: string, input: ChatStateInput): Promise<boolean>;
  /**
   * Ends a turn whose one write is `write` (a single answer, see isSingleAnswer): the update's
   * claim, that write and the chat state commit in one transaction, or nothing does.
   * `duplicate`: another delivery of the update finished first; `conflict`: another writer took
   * the submission's version (run the turn again); `published`: the period is frozen.
   */
  commitTurn(
    key: string,
    now: Date,
    channel: ChannelKind,
    chatId: string,
    input: ChatStateInput,
    write: TurnWrite,
  ): Promise<'done' | 'duplicate' | 'conflict' | 'published'>;
  pruneProcessed(before: Date): Promise<number>;
};

/** A turn's one submission write, committed with the turn (ChatRepository.commitTurn). */
export type TurnWrite = { readonly submissionId: string; readonly change: Change };

/** Webhook events acknowledged before they are processed. */
export type InboxRepository = {
  /** Stores the event; 'duplicate' when the same key was stored before (a redelivery). */
  store(key: string, channel: string, payload: unknown, receivedAt: Date): Promise<'new' | 'duplicate'>;
  markDone(key: string, at: Date): Promise<void>;
  markFailed(key: string): Promise<void>;
  /** Events stored but never processed (the process stopped in between), oldest first. */
  pending(channel: string, olderThan: Date, limit?: number): Promise<{ key: string; payload: unknown }[]>;
  /** Deletes events received before `before` (processed or given up); returns how many. */
  prune(before: Date): Promise<number>;
};

// ── Invites and link codes ───────────────────────────────────────────────────────────────
export type Invite = {
  readonly id: string;
  readonly role: Role;
  readonly unitId: string;
  readonly expiresAt: Date;
  readonly maxUses: number;
  readonly uses: number;
  readonly revokedAt: Date | null;
};

export type InviteRepository = {
  create(input: { codeHash: string; role: Role; unitId: string; expiresAt: Date; maxUses: number; createdById: string | null; now: Date }): Promise<Invite>;
  findByHash(codeHash: string): Promise<Invite | null>;
  /** One conditional update: two people racing for the last use cannot both get it. */
  consume(id: string, now: Date): Promise<boolean>;
  revoke(id: string, now: Date): Promise<void>;
};

export type LinkCodeRepository = {
  create(input: { codeHash: string; personId: string; expiresAt: Date; now: Date }): Promise<void>;
  /** Marks the code used and returns its person, or null when unknown, used or expired. */
  consume(codeHash: string, now: Date): Promise<string | null>;
  /** Moves an account (and the memberships of its old person) to `toPersonId`. */
  mergeAccountInto(accountId: string, fromPersonId: string, toPersonId: string): Promise<void>;
};

// ── Criteria sets and periods ────────────────────────────────────────────────────────────
export type StoredCriteriaSet = { readonly id: string; readonly checksum: string; readonly set: CriteriaSet };
export type ImportOutcome = { readonly kind: 'created' | 'unchanged' | 'conflict'; readonly id: string };
export type CriteriaSetSummary = {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly level: string;
  readonly title: string;
  readonly answeredBy: string;
  readonly scored: boolean;
  readonly checksum: string;
};

export type CriteriaSetRepository = {
  importSet(set: CriteriaSet, checksum: string): Promise<ImportOutcome>;
  /** Definitions never change once stored. */
  findById(id: string): Promise<StoredCriteriaSet | null>;
  findLatest(key: string): Promise<{ id: string; version: number } | null>;
  /** One version, or the latest when `version` is undefined. */
  findByKey(key: string, version?: number): Promise<StoredCriteriaSet | null>;
  /** Rewrites the checksum of a stored set whose definition is unchanged (rows from before canonical checksums). */
  replaceChecksum(id: string, checksum: string): Promise<void>;
  list(): Promise<CriteriaSetSummary[]>;
};

export type PeriodSet = { readonly level: string; readonly criteriaSetId: string; readonly answeredBy: string; readonly key: string; readonly version: number };
export type PeriodLink = { readonly level: AssessedLevel | 'province'; readonly criteriaSetId: string };
export type StoredPeriod = Period & { readonly sets: readonly PeriodSet[] };

export type PeriodRepository = {
  /** Creates or updates the period named `name` (idempotent for seeding). */
  upsert(input: Omit<PeriodInput, 'id'>, sets: readonly PeriodLink[]): Promise<StoredPeriod>;
  /** A new period (from a file or a copy) with its criteria sets; returns its id. */
  create(input: Omit<PeriodInput, 'id'>, sets: readonly PeriodLink[]): Promise<string>;
  /** Replaces the settings and the set links of a period, in one transaction. */
  replace(id: string, input: Omit<PeriodInput, 'id'>, sets: readonly PeriodLink[]): Promise<void>;
  findByKey(key: string): Promise<StoredPeriod | null>;
  /** True once any submission of the period has an answer: its criteria sets are then frozen. */
  hasAnswers(id: string): Promise<boolean>;
  findById(id: string): Promise<StoredPeriod | null>;
  list(): Promise<StoredPeriod[]>;
  listOpen(): Promise<StoredPeriod[]>;
  setStatus(id: string, status: Period['status']): Promise<void>;
};

// ── Holiday calendar ─────────────────────────────────────────────────────────────────────
export type YearImportOutcome = { readonly year: number; readonly kind: 'added' | 'replaced' | 'unchanged' };

/** Holiday years imported by an admin (each a complete, validated core YearCalendar). */
export type CalendarRepository = {
  importYears(years: readonly YearCalendar[], now: Date): Promise<YearImportOutcome[]>;
  listYears(): Promise<YearCalendar[]>;
};

// ── Submissions ──────────────────────────────────────────────────────────────────────────
export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'verified';
export type AppraisalState = 'not_started' | 'in_progress' | 'done';

/** An appraiser's points for one criterion, with who, when and why. */
export type StoredOverride = { readonly points: number; readonly note: string; readonly byId: string | null; readonly at: Date | null };

export type SubmissionSnapshot = {
  readonly id: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly criteriaSetId: string;
  readonly status: SubmissionStatus;
  readonly version: number;
  readonly profile: ProfileValues;
  readonly answers: Answers;
  readonly overrides: Readonly<Record<string, StoredOverride>>;
  readonly appraisalState: AppraisalState;
  readonly firstSubmittedAt: Date | null;
  readonly submittedAt: Date | null;
  readonly returnNote: string | null;
};

/** What the score function reads of a submission (the export reads thousands of these). */
export type ScoringSnapshot = {
  readonly id: string;
  readonly answers: Answers;
  /** Appraised points only: the note, appraiser and time are not part of any figure. */
  readonly overrides: Readonly<Record<string, { readonly points: number }>>;
};

/** A quarterly update as it stood at one checkpoint (month 3, 6 or 9); see CheckpointSnapshot. */
export type CheckpointRecord = {
  readonly submissionId: string;
  readonly periodId: string;
  readonly unitId: string;
  readonly month: number;
  readonly recordedAt: Date;
  readonly recordedById: string | null;
  readonly answers: CheckpointAnswers;
  readonly profile: ProfileValues | null;
};

export type AnswerWrite = { readonly code: string; readonly value: AnswerValue; readonly explanation?: string };

export type Change = {
  readonly expectedVersion: number;
  readonly actor: { readonly personId: string; readonly channel: ChannelKind };
  readonly now: Date;
  readonly answers?: readonly AnswerWrite[];
  readonly cleared?: readonly string[];
  readonly profile?: ProfileValues;
  /** The score function's result after this change (see core/criteria/submission-score.ts). */
  readonly score?: ScoreCache;
  /** Appraisal: points set on criteria, and criteria whose appraisal no longer holds. */
  readonly overrides?: { readonly set?: Readonly<Record<string, { points: number; note: string }>>; readonly clear?: readonly string[] };
  readonly appraisal?: AppraisalState;
  /** False for system work (rescoring) that must not count as the unit's last activity. */
  readonly activity?: boolean;
  readonly status?: {
    readonly to: SubmissionStatus;
    readonly note?: string;
    /** SubmissionEvent kind: submitted, resubmitted, returned, verified. */
    readonly event: string;
    /** Set on the first submission only: lateness is judged from it for good. */
    readonly firstSubmission?: boolean;
  };
  /** A quarterly update: the figures recorded for this checkpoint month (replacing an earlier record of it). */
  readonly checkpoint?: { readonly month: number; readonly answers: CheckpointAnswers; readonly profile: ProfileValues };
};

/**
 * Whether a change writes what a published period freezes (answers, figures, appraisal, status,
 * checkpoints). Only a score-cache refresh (rescoring after an upgrade) may still touch one:
 * the published table itself is a separate record that nothing rewrites.
 */
export const changeIsFrozenByPublication = (change: Change): boolean =>
  (change.answers?.length ?? 0) > 0 ||
  (change.cleared?.length ?? 0) > 0 ||
  change.profile !== undefined ||
  change.overrides !== undefined ||
  change.appraisal !== undefined ||
  change.status !== undefined ||
  change.checkpoint !== undefined;

/**
 * An officer's most frequent change: exactly one answer and the recomputed score, nothing else.
 * The database writes it with plain statements, and a turn can commit it with its claim.
 */
export const isSingleAnswer = (change: Change): boolean =>
  change.answers?.length === 1 &&
  (change.cleared?.length ?? 0) === 0 &&
  change.profile === undefined &&
  change.overrides === undefined &&
  change.appraisal === undefined &&
  change.status === undefined &&
  change.checkpoint === undefined &&
  change.activity !== false;

/**
 * A write the database refused because the period is published (evidence has no version to
 * answer with, so it throws this): nothing was stored, and the officer is told so.
 */
const PERIOD_PUBLISHED = 'PERIOD_PUBLISHED';
export const periodPublishedError = (submissionId: string): Error =>
  Object.assign(new Error(`submission ${submissionId}: the period is published, the write was refused`), { code: PERIOD_PUBLISHED });
export const isPeriodPublished = (error: unknown): boolean => error instanceof Error && (error as { code?: unknown }).code === PERIOD_PUBLISHED;

/** The write did not happen (too many writers at once): the officer is told so, truthfully. */
const SUBMISSION_BUSY = 'SUBMISSION_BUSY';
export const submissionBusyError = (submissionId: string): Error =>
  Object.assign(new Error(`submission ${submissionId}: too many concurrent writers`), { code: SUBMISSION_BUSY });
export const isSubmissionBusy = (error: unknown): boolean => error instanceof Error && (error as { code?: unknown }).code === SUBMISSION_BUSY;

/**
 * `conflict`: another writer changed the submission first (reload and re-apply). `published`:
 * the period was published (`period publish`, maybe by another process a moment ago): the
 * database refused the write, whatever a cached period said.
 */
export type ChangeOutcome = { readonly ok: true; readonly version: number } | { readonly ok: false; readonly reason: 'conflict' | 'published' };

export type NewEvidence = {
  readonly submissionId: string;
  readonly criterionCode: string;
  /** A file (photo, document), or a typed document reference or web address (no file). */
  readonly kind: 'photo' | 'document' | 'reference' | 'url';
  readonly channel: ChannelKind;
  readonly fileRef: string;
  readonly sha256: string | null;
  readonly size: number | null;
  readonly mime: string | null;
  readonly fileName: string | null;
  readonly storedPath: string | null;
  readonly uploadedById: string;
  readonly now: Date;
};

export type EvidenceFile = {
  /** The evidence row (the dashboard's signed link names it). */
  readonly id: string;
  readonly criterionCode: string;
  readonly kind: string;
  readonly fileName: string | null;
  readonly mime: string | null;
  readonly size: number | null;
  readonly createdAt: Date;
  /** Where the evidence store kept the bytes; null when only the channel's file reference is known. */
  readonly storedPath: string | null;
};

export type AnswerRevision = {
  readonly kind: string;
  readonly value: unknown;
  readonly explanation: string | null;
  readonly points: number | null;
  readonly note: string | null;
  readonly personId: string | null;
  readonly channel: string | null;
  readonly createdAt: Date;
};

export type SubmissionEventRow = { readonly kind: string; readonly personId: string | null; readonly note: string | null; readonly createdAt: Date };

export type SubmissionRepository = {
  getOrCreate(input: {
    periodId: string;
    unitId: string;
    criteriaSetId: string;
    profile: ProfileValues;
    now: Date;
    trustCache?: boolean;
  }): Promise<SubmissionSnapshot>;
  /** Id and version only: enough to tell whether a cached snapshot is still current. */
  head(periodId: string, unitId: string, criteriaSetId: string): Promise<{ id: string; version: number } | null>;
  load(id: string): Promise<SubmissionSnapshot | null>;
  loadMany(ids: readonly string[]): Promise<SubmissionSnapshot[]>;
  /** Answers, evidence counts and appraised points of many submissions, in two lean queries (the export). */
  scoringMany(ids: readonly string[]): Promise<ScoringSnapshot[]>;
  /** A hint that many `scoringMany` calls follow (the export): SQLite starts its reading thread now. */
  expectScoringReads?(): void;
  find(periodId: string, unitId: string, criteriaSetId: string): Promise<SubmissionSnapshot | null>;
  /** One transaction, guarded by `expectedVersion` (optimistic locking). */
  applyChange(submissionId: string, change: Change): Promise<ChangeOutcome>;
  /** Stores one piece of evidence; returns the criterion's evidence count. */
  addEvidence(input: NewEvidence): Promise<number>;
  /** True when this very file (same sha256) is already evidence of the criterion. */
  hasEvidence(submissionId: string, criterionCode: string, sha256: string): Promise<boolean>;
  evidenceOf(submissionId: string): Promise<EvidenceFile[]>;
  history(submissionId: string, criterionCode: string): Promise<AnswerRevision[]>;
  events(submissionId: string): Promise<SubmissionEventRow[]>;
  answerAuthors(submissionId: string): Promise<{ criterionCode: string; answeredById: string; channel: string }[]>;
  /** The checkpoints recorded for these submissions, by submission then month. */
  checkpointsOf(submissionIds: readonly string[]): Promise<CheckpointRecord[]>;
  /** The unit's most recent checkpoint (highest month, then latest) in any of these periods. */
  latestCheckpoint(unitId: string, periodIds: readonly string[]): Promise<CheckpointRecord | null>;
  /** Submissions whose cached score is missing or of another score version (see SCORE_VERSION). */
  staleScores(version: number, limit: number): Promise<{ id: string; periodId: string; criteriaSetId: string; version: number }[]>;
};

// ── Signed forms ─────────────────────────────────────────────────────────────────────────
/** A digitally signed Phiếu tự đánh giá accepted for a submission (see check-signed-form.ts). */
export type SignedFormRow = {
  readonly submissionId: string;
  /** The answers the signed form was generated from: "đã ký số" holds while they are the submission's. */
  readonly answersSha256: string;
  readonly fileSha256: string;
  readonly signerSubject: string;
  readonly signerName: string | null;
  readonly signingTime: Date | null;
  readonly uploadedById: string;
  readonly channel: string;
  readonly createdAt: Date;
};

export type SignedFormRepository = {
  record(row: SignedFormRow): Promise<void>;
  /** The latest signed form of each of these submissions that has one. */
  latestOf(submissionIds: readonly string[]): Promise<Map<string, SignedFormRow>>;
};

// ── Coordinators' read side ──────────────────────────────────────────────────────────────
/** One row per submission of a period: what lists, counts and rankings need. */
export type SubmissionSummary = {
  readonly id: string;
  readonly unitId: string;
  readonly criteriaSetId: string;
  readonly status: SubmissionStatus;
  readonly version: number;
  readonly score: ScoreCache | null;
  readonly appraisalState: AppraisalState;
  readonly firstSubmittedAt: Date | null;
  readonly submittedAt: Date | null;
  readonly lastActivityAt: Date | null;
};

export type CoordinationRepository = {
  submissionsOf(periodId: string, criteriaSetIds: readonly string[]): Promise<SubmissionSummary[]>;
};

// ── Outgoing messages and leases ─────────────────────────────────────────────────────────
export type OutboxPayload = { readonly locale: string; readonly replies: readonly unknown[] };
export type OutboxRow = {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly channel: string;
  readonly accountId: string | null;
  readonly chatId: string;
  readonly payload: OutboxPayload;
  readonly attempts: number;
};
export type NewOutboxRow = Omit<OutboxRow, 'id' | 'attempts'> & { readonly nextAttemptAt: Date };

export type OutboxRepository = {
  /** Inserts the rows whose key is new; returns how many were inserted. */
  enqueue(rows: readonly NewOutboxRow[], now: Date): Promise<number>;
  /** Keys already in the outbox under a prefix (e.g. one period), whatever their state. */
  keysWithPrefix(prefix: string): Promise<Set<string>>;
  /** Claims up to `limit` due rows for `holder` (pending, or left 'sending' by a crashed sender). */
  claim(holder: string, now: Date, limit: number, claimMs: number): Promise<OutboxRow[]>;
  markSent(id: string, at: Date): Promise<void>;
  reschedule(id: string, nextAttemptAt: Date, error: string | null, countAttempt: boolean): Promise<void>;
  markDead(id: string, error: string): Promise<void>;
  counts(): Promise<Record<string, number>>;
};

export type LeaseRepository = {
  /** Takes or renews the lease; false when another live holder has it. */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
  holderOf(name: string, now: Date): Promise<string | null>;
  /** The live lease (holder and expiry), or null when nobody holds it or it expired. */
  liveLease(name: string, now: Date): Promise<{ readonly holder: string; readonly expiresAt: Date } | null>;
};

/** Every repository, built once by the composition root. */
// ── Published results ────────────────────────────────────────────────────────────────────
export type StoredPublication = { readonly periodId: string; readonly publishedAt: Date; readonly results: unknown };
export type PublicationRepository = {
  /** Stores a period's frozen results once; false when the period was already published. */
  create(input: { periodId: string; publishedAt: Date; results: unknown }): Promise<boolean>;
  find(periodId: string): Promise<StoredPublication | null>;
  /** Every publication, the most recent first. */
  list(): Promise<StoredPublication[]>;
};

export type Repositories = {
  readonly units: UnitRepository;
  readonly people: PeopleRepository;
  readonly chats: ChatRepository;
  readonly inbox: InboxRepository;
  readonly invites: InviteRepository;
  readonly linkCodes: LinkCodeRepository;
  readonly periods: PeriodRepository;
  readonly criteriaSets: CriteriaSetRepository;
  readonly submissions: SubmissionRepository;
  readonly coordination: CoordinationRepository;
  readonly outbox: OutboxRepository;
  readonly leases: LeaseRepository;
  readonly calendar: CalendarRepository;
  readonly publications: PublicationRepository;
  readonly signedForms: SignedFormRepository;
};

// ── Services ─────────────────────────────────────────────────────────────────────────────
export type StoredEvidence = { readonly sha256: string; readonly storedPath: string; readonly size: number };
/**
 * Where evidence bytes live: a local directory (EVIDENCE_STORE=file, one instance) or the
 * database (EVIDENCE_STORE=database, several instances sharing nothing but PostgreSQL). Every
 * read of evidence bytes goes through `read`, with the storedPath that `save` returned.
 */
export type EvidenceStore = {
  /** Stores the bytes under a name the server chooses: criterion, content hash, the extension of the type found in the bytes. */
  readonly save: (submissionId: string, criterionCode: string, data: Buffer, type: FileType) => Promise<StoredEvidence>;
  /** The bytes saved under storedPath, or null when this store holds nothing there. */
  readonly read: (storedPath: string) => Promise<Buffer | null>;
};

/** How one outbox row went at its channel. */
export type SendOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number }
  /** The person cannot be reached; with confirmAfterAttempts, only once that many attempts were refused (an ambiguous code). */
  | { readonly kind: 'forbidden'; readonly detail: string; readonly confirmAfterAttempts?: number }
  | { readonly kind: 'transient'; readonly detail: string }
  | { readonly kind: 'permanent'; readonly detail: string }
  | { readonly kind: 'no_channel' };

/** Sends one outbox row through its channel (implemented by each channel). */
export type RowSender = (row: OutboxRow) => Promise<SendOutcome>;
