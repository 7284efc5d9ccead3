// The tables behind the in-memory repositories: one store shared by all of them, as one
// database is shared by the Prisma repositories (a link code moves memberships, a period asks
// whether any submission has an answer). Rows are kept in insertion order, which stands in for
// the `createdAt`/cuid order the database sorts by; JSON columns are stored as a JSON round trip
// so a fake can never hand back something the database would not (undefined keys, shared objects).
import type { AppraisalState, NewOutboxRow, Role, SubmissionStatus } from '../../../bot/app/ports.ts';
import type { ChannelKind } from '../../../bot/app/inbound.ts';
import type { UnitLevel } from '../../../core/units/unit.ts';

export type UnitRow = {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  excluded: boolean;
  excludedReason?: string | null;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  profile: unknown;
};
export type PersonRow = { id: string; displayName: string; locale: string };
export type AccountRow = {
  id: string;
  personId: string;
  channel: ChannelKind;
  externalId: string;
  chatId: string;
  displayName: string | null;
  locale: string | null;
  unreachable: boolean;
  unreachableAt: Date | null;
  failedInviteAttempts: number;
  inviteLockedUntil: Date | null;
  lastSeenAt: Date | null;
};
export type MembershipRow = { id: string; personId: string; unitId: string; role: Role; revokedAt: Date | null; createdAt?: Date };
export type SuccessionRow = { predecessorId: string; successorId: string; effectiveOn: Date | null };
export type PublicationRow = { periodId: string; publishedAt: Date; results: unknown };
export type InviteRow = {
  id: string;
  codeHash: string;
  role: Role;
  unitId: string;
  createdById: string | null;
  expiresAt: Date;
  maxUses: number;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
};
export type LinkCodeRow = { id: string; codeHash: string; personId: string; expiresAt: Date; usedAt: Date | null; createdAt: Date };
export type CriteriaSetRow = {
  id: string;
  key: string;
  version: number;
  level: string;
  title: string;
  answeredBy: string;
  scored: boolean;
  definition: unknown;
  checksum: string;
};
export type PeriodRow = {
  id: string;
  key: string | null;
  name: string;
  status: string;
  opensAt: string;
  settings: unknown;
  sets: { level: string; criteriaSetId: string }[];
};
export type CalendarYearRow = { year: number; definition: unknown; importedAt: Date };
export type SubmissionRow = {
  id: string;
  periodId: string;
  unitId: string;
  criteriaSetId: string;
  status: SubmissionStatus;
  version: number;
  profile: unknown;
  score: unknown;
  appraisalState: AppraisalState;
  startedAt: Date | null;
  lastActivityAt: Date | null;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  submittedById: string | null;
  returnedAt: Date | null;
  returnNote: string | null;
  verifiedAt: Date | null;
};
export type AnswerRow = {
  submissionId: string;
  criterionCode: string;
  value: unknown;
  explanation: string | null;
  verifiedPoints: number | null;
  verifiedNote: string | null;
  verifiedById: string | null;
  verifiedAt: Date | null;
  answeredById: string;
  channel: string;
  answeredAt: Date;
};
export type RevisionRow = {
  submissionId: string;
  criterionCode: string;
  kind: string;
  value: unknown;
  points: number | null;
  explanation: string | null;
  note: string | null;
  personId: string | null;
  channel: string | null;
  createdAt: Date;
};
export type EvidenceRow = {
  id: string;
  submissionId: string;
  criterionCode: string;
  kind: string;
  channel: string;
  fileRef: string;
  sha256: string | null;
  size: number | null;
  mime: string | null;
  fileName: string | null;
  storedPath: string | null;
  uploadedById: string;
  createdAt: Date;
};
export type CheckpointRow = {
  submissionId: string;
  month: number;
  recordedAt: Date;
  recordedById: string | null;
  answers: unknown;
  profile: unknown;
};
export type EventRow = { submissionId: string; kind: string; personId: string | null; note: string | null; createdAt: Date };
export type ChatStateRow = { channel: ChannelKind; chatId: string; accountId: string | null; submissionId: string | null; state: unknown };
export type OutboxStoredRow = Omit<NewOutboxRow, 'payload'> & {
  id: string;
  payload: unknown;
  status: string;
  attempts: number;
  claimedBy: string | null;
  claimedUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};
export type InboxRow = { key: string; channel: string; payload: unknown; status: string; attempts: number; receivedAt: Date; processedAt: Date | null };
export type LeaseRow = { name: string; holder: string; expiresAt: Date };

export type InMemoryStore = {
  /** Ids in creation order (`unit-1`, `submission-3`…): deterministic across runs. */
  readonly newId: (table: string) => string;
  readonly units: UnitRow[];
  readonly people: PersonRow[];
  readonly accounts: AccountRow[];
  readonly memberships: MembershipRow[];
  readonly invites: InviteRow[];
  readonly linkCodes: LinkCodeRow[];
  readonly criteriaSets: CriteriaSetRow[];
  readonly periods: PeriodRow[];
  readonly calendarYears: CalendarYearRow[];
  readonly submissions: SubmissionRow[];
  readonly answers: AnswerRow[];
  readonly revisions: RevisionRow[];
  readonly evidence: EvidenceRow[];
  readonly events: EventRow[];
  readonly checkpoints: CheckpointRow[];
  readonly chatStates: ChatStateRow[];
  readonly processedUpdates: Map<string, Date>;
  readonly outbox: OutboxStoredRow[];
  readonly inbox: InboxRow[];
  readonly leases: LeaseRow[];
  readonly successions: SuccessionRow[];
  readonly publications: PublicationRow[];
};

export const createInMemoryStore = (): InMemoryStore => {
  const counters = new Map<string, number>();
  return {
    newId: (table) => {
      const n = (counters.get(table) ?? 0) + 1;
      counters.set(table, n);
      return `${table}-${n}`;
    },
    units: [],
    people: [],
    accounts: [],
    memberships: [],
    invites: [],
    linkCodes: [],
    criteriaSets: [],
    periods: [],
    calendarYears: [],
    submissions: [],
    answers: [],
    revisions: [],
    evidence: [],
    events: [],
    checkpoints: [],
    chatStates: [],
    processedUpdates: new Map(),
    outbox: [],
    inbox: [],
    leases: [],
    successions: [],
    publications: [],
  };
};

/** What a JSON column gives back: a fresh copy, without undefined keys. */
export const json = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The error a Prisma `update` of a missing row throws (P2025), with the same code. */
export const recordNotFound = (what: string): Error => Object.assign(new Error(`${what}: record to update not found`), { code: 'P2025' });

/** The error a unique constraint raises (P2002), with the same code. */
export const uniqueViolation = (what: string): Error => Object.assign(new Error(`${what}: unique constraint failed`), { code: 'P2002' });
