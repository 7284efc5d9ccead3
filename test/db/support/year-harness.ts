// A small product around one fresh database for the issue #12 suites: the demo seed, the app
// with the coordination commands (as bot/app/command-registry.ts wires them), chat turns through
// the dialogue, invites, and submissions of a given quality.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import type { Attachment, OutgoingNotice } from '../../../bot/app/command-port.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import type { Dialogue, FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { createCommandRegistry } from '../../../bot/app/command-registry.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { renderReplies } from '../../../bot/channels/render.ts';
import { seedDemo, type SeedSummary } from '../../../bot/app/admin/seed-demo.ts';
import type { Answers } from '../../../core/criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { scoreCache } from '../../../bot/app/scores.ts';
import type { Repositories } from '../../../bot/app/ports.ts';
import type { AnswerValue } from '../../../core/criteria/answer-value.schema.ts';
import type { Role } from '../../../bot/app/ports.ts';
import { createTestDatabase, type ProviderName, type TestDatabase } from './providers.ts';
import { migrateDatabase } from '../../../bot/db/migrate.ts';
import { openDatabase } from '../../../bot/db/database.ts';
import { createRepositories } from '../../../bot/db/create-repositories.ts';

export type Harness = {
  readonly db: TestDatabase;
  readonly repos: Repositories;
  readonly app: App;
  readonly seed: SeedSummary;
  readonly set: CriteriaSet;
  readonly now: Date;
  readonly notices: OutgoingNotice[];
  readonly send: (userId: number, text: string) => Promise<{ text: string; attachments: readonly Attachment[] }>;
  readonly join: (userId: number, unitCode: string, role: Role) => Promise<string>;
  readonly submit: (unitCode: string, q: number, submittedAt: Date) => Promise<void>;
  readonly dispose: () => Promise<void>;
  /** A new process over the same database: the per-process caches (open periods: 5 s) start empty. */
  readonly restart: () => void;
};

const translator = createTranslator('vi');

const openExisting = async (url: string): Promise<TestDatabase> => {
  await migrateDatabase(url);
  const db = openDatabase(url);
  return { ...db, repos: createRepositories(db.prisma), dispose: () => db.close() };
};

/** An answer of quality q (1 = full points) to any criterion (as in the coordination suite). */
export const answerFor = (c: CriteriaSet['criteria'][number], q: number, year: number): AnswerValue => {
  const spec = c.answer;
  switch (spec.type) {
    case 'boolean':
      return { type: 'boolean', value: q >= 0.5 };
    case 'choice':
      return { type: 'choice', option: [...spec.options].sort((a, b) => b.points - a.points)[q >= 0.7 ? 0 : 1]!.value };
    case 'multi_check':
      return { type: 'multi_check', items: spec.items.map((i) => i.value) };
    case 'count':
      return { type: 'count', count: 12 };
    case 'ratio':
    case 'ratio_threshold':
      return { type: 'ratio', numerator: Math.round(20 * q), denominator: 20 };
    case 'percent':
      return { type: 'percent', percent: 100 * q };
    case 'date':
      return { type: 'date', date: `${year}-01-15` };
    case 'imported_score':
      return { type: 'imported_score', score: spec.scale * q };
    case 'text':
      return { type: 'text', text: 'Nội dung.' };
    case 'evidence_only':
      return { type: 'evidence_only' };
  }
};
const noFiles: FileFetcher = async () => ({ ok: false, error: { code: 'download_failed' } });

/** A fresh database, or (with `url`) one a CLI run has already prepared: then dispose only closes it. */
export const startHarness = async (provider: ProviderName, options: { now?: Date; url?: string } = {}): Promise<Harness> => {
  const now = options.now ?? new Date('2026-11-24T03:00:00Z');
  const db: TestDatabase = options.url ? await openExisting(options.url) : await createTestDatabase(provider);
  const seed = await seedDemo(db.repos, now);
  const notices: OutgoingNotice[] = [];
  let nextUpdate = 1;
  // Two harnesses over one database must not look like redeliveries of each other's updates.
  const runId = Math.random().toString(36).slice(2, 8);
  const build = (): App =>
    createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => now,
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-yh-'))),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'egov_bot',
      commands: (deps) =>
        createCommandRegistry({
          repos: db.repos,
          calendar: deps.calendar,
          botUsername: 'egov_bot',
          translator,
          background: {
            notify: async (n) => void notices.push(...n),
            remind: async (r) => ({ queued: r.unitIds.length }),
          },
        }),
    });
  let app = build();
  const setId = seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId;
  const set = (await db.repos.criteriaSets.findById(setId))!.set;
  const send: Harness['send'] = async (userId, text) => {
    const out = await (app.dialogue as Dialogue).handle(
      {
        channel: 'telegram',
        dedupeKey: `tg:${runId}:${nextUpdate++}`,
        externalUserId: String(userId),
        chatId: String(userId),
        receivedAt: now,
        content: { kind: 'text', text },
      },
      noFiles,
    );
    return { text: out ? renderReplies(translator, out.locale, out.replies, 'plain').text : '', attachments: out?.attachments ?? [] };
  };
  const join: Harness['join'] = async (userId, unitCode, role) => {
    const unit = await db.repos.units.findByCode(unitCode);
    const { code } = await createInvite(db.repos.invites, { unitId: unit!.id, role, uses: 1, days: 7, createdById: null, now });
    return (await send(userId, `/start ${code}`)).text;
  };
  const submit: Harness['submit'] = async (unitCode, q, submittedAt) => {
    const unit = (await db.repos.units.findByCode(unitCode))!;
    const snap = await db.repos.submissions.getOrCreate({ periodId: seed.period.id, unitId: unit.id, criteriaSetId: setId, profile: {}, now });
    const answers: Record<string, Answers[string]> = {};
    for (const c of set.criteria) answers[c.code] = { value: answerFor(c, q, 2026), evidenceCount: 0, explanation: 'Giải trình.' };
    const actor = { personId: 'seed', channel: 'telegram' as const };
    const first = await db.repos.submissions.applyChange(snap.id, {
      expectedVersion: snap.version,
      actor,
      now,
      score: scoreCache(set, seed.period, { answers, overrides: {} }),
      profile: Object.fromEntries(set.profile.map((p) => [p.key, 20])),
      answers: set.criteria.map((c) => ({ code: c.code, value: answers[c.code]!.value, explanation: 'Giải trình.' })),
    });
    if (!first.ok) throw new Error('conflict');
    await db.repos.submissions.applyChange(snap.id, {
      expectedVersion: first.version,
      actor,
      now: submittedAt,
      status: { to: 'submitted', event: 'submitted', firstSubmission: true },
    });
  };
  return {
    db,
    repos: db.repos,
    get app() {
      return app;
    },
    restart: () => {
      app = build();
    },
    seed,
    set,
    now,
    notices,
    send,
    join,
    submit,
    dispose: () => db.dispose(),
  };
};
