// Issue #11: generated sequences of what officers and appraisers do — answer, change, evidence
// after the answer, explanation, skip, a profile change, submit, return, resubmit, verify,
// finish appraisal — and after each sequence every coordinator screen shows the core score
// function's result: /unit's rows and header, /ranking, the export's rows and totals, and the
// ranking that feeds the chart. The expected figures are computed here straight from the
// database rows with `scoreSubmission`, not through the product's own read path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../bot/app/admin/create-invite.ts';
import { seedDemo, type SeedSummary } from '../../bot/app/admin/seed-demo.ts';
import { createCoordinationCommands } from '../../bot/app/coordination/coordination-commands.ts';
import { rankingsFor } from '../../bot/app/coordination/ranking-command.ts';
import { scopeOf } from '../../bot/app/coordination/coordination-context.ts';
import type { Attachment } from '../../bot/app/command-port.ts';
import { createApp, type App } from '../../bot/app/create-app.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';
import type { FileFetcher } from '../../bot/app/dialogue-port.ts';
import { windowOf } from '../../bot/app/scores.ts';
import { renderReplies } from '../../bot/channels/render.ts';
import { createFileEvidenceStore } from '../../bot/db/file-evidence-store.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { silentLogger } from '../../bot/platform/logger.ts';
import { AnswerValueSchema, type Answers } from '../../core/criteria/answer-value.schema.ts';
import { CriteriaSetSchema, type CriteriaSet, type Criterion } from '../../core/criteria/criteria-set.schema.ts';
import { rankedTotals, scoreCacheOf, scoreSubmission, type ScoreTotals } from '../../core/criteria/submission-score.ts';
import { pngBytes } from '../support/telegram-harness.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from './support/providers.ts';

const providers = await availableProviders();
const translator = createTranslator('vi');
const vi = (s: string): number => Number(s.replace(/\./g, '').replace(',', '.'));
const UNITS = ['X-THACHDAI', 'X-THACHKHE', 'X-THACHLIEN'] as const;
const COORDINATOR = 900;
const reporterOf = (u: number) => 100 + u;

type Quality = 'full' | 'partial' | 'zero' | 'none';
type Event =
  | { kind: 'answer'; unit: number; criterion: number; quality: Quality; evidence: boolean; explain: boolean }
  | { kind: 'profile'; unit: number; value: number }
  | { kind: 'submit'; unit: number }
  | { kind: 'return'; unit: number }
  | { kind: 'verify'; unit: number; criterion: number; fraction: number }
  | { kind: 'verified'; unit: number };

const eventArb = (criteria: number): fc.Arbitrary<Event> => {
  const unit = fc.integer({ min: 0, max: UNITS.length - 1 });
  const criterion = fc.integer({ min: 0, max: criteria - 1 });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('answer' as const),
        unit,
        criterion,
        quality: fc.constantFrom<Quality>('full', 'partial', 'zero', 'none'),
        evidence: fc.boolean(),
        explain: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('profile' as const), unit, value: fc.integer({ min: 5, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), unit }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), unit }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('verify' as const), unit, criterion, fraction: fc.constantFrom(0, 0.5, 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('verified' as const), unit }) },
  );
};

const valueText = (c: Criterion, q: Quality, year: number): string => {
  const spec = c.answer;
  switch (spec.type) {
    case 'boolean':
      return q === 'full' ? 'có' : 'không';
    case 'choice': {
      const sorted = [...spec.options].sort((a, b) => b.points - a.points);
      const pick = q === 'full' ? sorted[0] : q === 'partial' ? sorted[1] : sorted[sorted.length - 1];
      return String(spec.options.indexOf(pick!) + 1);
    }
    case 'multi_check':
      return q === 'full' ? spec.items.map((_, i) => i + 1).join(', ') : '1';
    case 'count':
      return q === 'full' ? '12' : q === 'partial' ? '2' : '0';
    case 'ratio':
    case 'ratio_threshold':
      return q === 'full' ? '20/20' : q === 'partial' ? '7/20' : q === 'zero' ? '0/20' : '0/0';
    case 'percent':
      return q === 'full' ? '100%' : q === 'partial' ? '40%' : '0%';
    case 'date':
      return q === 'full' ? `15/01/${year}` : spec.allowNone ? 'không' : `20/12/${year - 3}`;
    case 'imported_score':
      return String(q === 'full' ? spec.scale : q === 'partial' ? spec.scale / 2 : 0);
    case 'text':
      return 'Nội dung trả lời của đơn vị.';
    case 'evidence_only':
      return 'xong';
  }
};

describe.each(providers)('one scoring truth on every screen (%s)', (provider) => {
  let db: TestDatabase;
  let app: App;
  let seed: SeedSummary;
  let set: CriteriaSet;
  let update = 1;
  const seen = { submitted: 0, verified: 0, returned: 0, answered: 0, na: 0 };
  /** The last answer event per unit and criterion, so "submit" can finish the report like an officer would. */
  const last = new Map<string, Extract<Event, { kind: 'answer' }>>();
  const now = new Date('2026-11-24T03:00:00Z');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-prop-'));
  const fetchFile: FileFetcher = async () => ({ ok: true, value: { buffer: pngBytes, mime: 'image/png', size: pngBytes.length } });

  const send = async (
    userId: number,
    content: { kind: 'text'; text: string } | { kind: 'file' },
  ): Promise<{ text: string; attachments: readonly Attachment[] }> => {
    const id = update++;
    const out = await app.dialogue.handle(
      {
        channel: 'telegram',
        dedupeKey: `tg:${id}`,
        externalUserId: String(userId),
        chatId: String(userId),
        receivedAt: now,
        content: content.kind === 'text' ? content : { kind: 'file', fileKind: 'photo', fileRef: `p${id}`, size: pngBytes.length, mime: 'image/png' },
      },
      fetchFile,
    );
    return { text: out ? renderReplies(translator, out.locale, out.replies, 'plain').text : '', attachments: out?.attachments ?? [] };
  };
  const text = (userId: number, t: string) => send(userId, { kind: 'text', text: t });
  const chat = async (userId: number) => parseChatState(await app.deps.chats.getState('telegram', String(userId)));

  /** After every write, the cache the product keeps is exactly the function's result. */
  const cacheHolds = async (unit: number) => {
    const exp = await expected(UNITS[unit]!);
    if (exp && exp.row.score !== null) expect(exp.row.score).toEqual(exp.cache);
  };

  /** Answers one criterion through the conversation, following up on explanation and evidence steps. */
  const answer = async (user: number, c: Criterion, e: Extract<Event, { kind: 'answer' }>) => {
    await answerSteps(user, c, e);
    await cacheHolds(e.unit);
  };
  const answerSteps = async (user: number, c: Criterion, e: Extract<Event, { kind: 'answer' }>) => {
    const edit = await text(user, `/edit ${c.code}`);
    if (edit.text.includes('không thể sửa') || edit.text.includes('đã nộp')) return;
    await (c.answer.type === 'evidence_only' && e.evidence ? send(user, { kind: 'file' }) : text(user, valueText(c, e.quality, 2026)));
    seen.answered += 1;
    for (let i = 0; i < 5; i += 1) {
      const s = await chat(user);
      if (s.session?.cursor.kind !== 'criterion' || s.session.cursor.code !== c.code) return;
      const step = s.session.step;
      if (step === 'explanation') await text(user, e.explain ? 'Đơn vị giải trình lý do chưa đạt tối đa.' : '/skip');
      else if (step === 'evidence') await (e.evidence && i === 0 ? send(user, { kind: 'file' }) : text(user, 'xong'));
      else if (step === 'denominator') await text(user, '20');
      // A single typed number ticks one box of a multi-check (the options are numbered): confirm with "Xong", numbered after them.
      else if (step === 'value' && c.answer.type === 'multi_check' && s.session.draft) await text(user, String(c.answer.items.length + 1));
      else return void (await text(user, '/skip'));
    }
  };

  const apply = async (e: Event) => {
    const code = UNITS[e.unit]!;
    const user = reporterOf(e.unit);
    switch (e.kind) {
      case 'answer':
        last.set(`${e.unit}:${e.criterion}`, e);
        return answer(user, set.criteria[e.criterion]!, e);
      case 'profile':
        await text(user, '/edit officials');
        return void (await text(user, String(e.value)));
      case 'submit':
        // Finish first: answer what is still open and explain what was left unexplained.
        for (const [i, c] of set.criteria.entries()) {
          const prev = last.get(`${e.unit}:${i}`);
          if (prev && prev.explain) continue;
          const finish = { ...(prev ?? { kind: 'answer' as const, unit: e.unit, criterion: i, quality: 'full' as const, evidence: true }), explain: true };
          last.set(`${e.unit}:${i}`, finish);
          await answer(user, c, finish);
        }
        if ((await text(user, '/submit')).text.includes('Xác nhận gửi') && (await text(user, '1')).text.includes('Đã gửi')) seen.submitted += 1;
        return;
      case 'return':
        if ((await text(COORDINATOR, `/return ${code} Đề nghị bổ sung minh chứng`)).text.includes('Đã trả lại')) seen.returned += 1;
        return;
      case 'verify': {
        const c = set.criteria[e.criterion]!;
        if ((await text(COORDINATOR, `/verify ${code} ${c.code} ${Math.round(c.maxPoints * e.fraction)} ghi chú thẩm định`)).text.includes('✅'))
          seen.verified += 1;
        return;
      }
      case 'verified':
        return void (await text(COORDINATOR, `/verified ${code}`));
    }
  };

  /** What the score function gives, from the raw rows (not the product's snapshot code). */
  const expected = async (code: string) => {
    const row = await db.prisma.submission.findFirst({ where: { unit: { code } }, include: { answers: true, evidence: true, period: true } });
    if (!row) return null;
    const answers: Record<string, Answers[string]> = {};
    const overrides: Record<string, { points: number }> = {};
    for (const a of row.answers) {
      answers[a.criterionCode] = {
        value: AnswerValueSchema.parse(a.value),
        evidenceCount: row.evidence.filter((x) => x.criterionCode === a.criterionCode).length,
        ...(a.explanation ? { explanation: a.explanation } : {}),
      };
      if (a.verifiedPoints !== null) overrides[a.criterionCode] = { points: a.verifiedPoints };
    }
    const period = (await app.deps.periods.findById(row.periodId))!;
    const score = scoreSubmission({ set, answers, window: windowOf(period, 'commune'), overrides });
    return { row, score, cache: scoreCacheOf(set, score) };
  };

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedDemo(db.repos, now);
    app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => now,
      evidence: createFileEvidenceStore(path.join(dir, 'ev')),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'b',
      commands: (deps) =>
        createCoordinationCommands({
          repos: db.repos,
          calendar: deps.calendar,
          botUsername: 'b',
          translate: translator.t,
          notify: async () => undefined,
          remind: async () => ({ queued: 0 }),
        }),
    });
    const setId = seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId;
    set = CriteriaSetSchema.parse((await db.prisma.criteriaSet.findUniqueOrThrow({ where: { id: setId } })).definition);
    const join = async (userId: number, unitCode: string, role: 'reporter' | 'coordinator') => {
      const unit = (await app.deps.units.findByCode(unitCode))!;
      const { code } = await createInvite(app.deps.invites, { unitId: unit.id, role, uses: 1, days: 7, createdById: null, now });
      await text(userId, `/start ${code}`);
    };
    await join(COORDINATOR, 'HATINH', 'coordinator');
    for (const [i, code] of UNITS.entries()) {
      await join(reporterOf(i), code, 'reporter');
      await text(reporterOf(i), '/report');
      await text(reporterOf(i), '20');
      await text(reporterOf(i), '12');
    }
  });
  afterAll(async () => db.dispose());

  const check = async () => {
    const ranking = (await text(COORDINATOR, '/ranking commune')).text;
    const exported = await text(COORDINATOR, '/export commune');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.attachments[0]!.data as never);
    const ws = wb.worksheets[0]!;
    const sheet = (ws.getSheetValues() as unknown[][]).slice(10);
    const detailSheet = wb.worksheets.find((w) => w.name.endsWith(' - chi tiết'))!;
    const detail = (detailSheet.getSheetValues() as unknown[][]).slice(4).filter(Boolean);
    const totalCol = 4 + 2 * set.groups.length;
    const coordinatorCtx = {
      personId: 'x',
      accountId: 'x',
      channel: 'telegram' as const,
      locale: 'vi' as const,
      now,
      args: [],
      rawArgs: '',
      memberships: await app.deps.people.listMemberships((await app.deps.people.findAccount('telegram', String(COORDINATOR)))!.personId),
    };
    const deps = {
      repos: db.repos,
      calendar: app.deps.calendar,
      botUsername: 'b',
      translate: translator.t,
      notify: async () => undefined,
      remind: async () => ({ queued: 0 }),
    };
    const charted = (
      await rankingsFor(deps, await scopeOf(deps, coordinatorCtx), (await app.deps.periods.findById(seed.period.id))!, { level: 'commune' })
    )[0]!;
    for (const code of UNITS) {
      const exp = await expected(code);
      const unit = (await text(COORDINATOR, `/unit ${code}`)).text;
      const line = ranking.split('\n').find((l) => l.includes(code))!;
      const xrow = sheet.find((r) => r?.[2] === code)!;
      if (!exp) {
        expect(line).toMatch(/^Cuối · /);
        continue;
      }
      // /unit: header = the function, rows add up to the header.
      const header = /Tự đánh giá: ([\d.,]+)\/([\d.,]+) điểm \(([\d.,]+)%\)/.exec(unit)!;
      expect([vi(header[1]!), vi(header[2]!), vi(header[3]!)]).toEqual([exp.score.self.points, exp.score.self.applicableMax, exp.score.self.percent]);
      const rows = [...unit.matchAll(/→ ([\d.,]+)\/[\d.,]+ điểm/g)].map((m) => vi(m[1]!));
      expect(Math.round(rows.reduce((a, b) => a + b, 0) * 100) / 100).toBe(exp.score.self.points);
      if (exp.score.verified) expect(unit).toContain(`Thẩm định (`);
      // The cache the product stored equals the function (whenever it wrote one).
      if (exp.row.score !== null) expect(exp.row.score).toEqual(exp.cache);
      // /ranking and the chart's data: the ranked totals, with their basis, and a number only when it competes.
      const started = exp.row.appraisalState !== 'not_started';
      const ranked: { totals: ScoreTotals; basis: string } = rankedTotals(exp.cache, started);
      const submitted = exp.row.status === 'submitted' || exp.row.status === 'verified';
      const chartRow = [...charted.ranked, ...charted.notRanked].find((r) => r.unitCode === code)!;
      expect(chartRow.percent).toBe(ranked.totals.percent);
      if (submitted) {
        expect(line).toMatch(/^\d+\. /);
        const fig = /— ([\d.,]+) điểm \(([\d.,]+)%, (tự đánh giá|thẩm định)\)/.exec(line)!;
        expect([vi(fig[1]!), vi(fig[2]!), fig[3]]).toEqual([
          ranked.totals.points,
          ranked.totals.percent,
          ranked.basis === 'verified' ? 'thẩm định' : 'tự đánh giá',
        ]);
      } else expect(line).not.toMatch(/^\d+\. /);
      // The export: totals and each criterion's points.
      expect(xrow[totalCol]).toBe(exp.score.self.points);
      expect(xrow[totalCol + 1] ?? null).toBe(exp.score.verified?.points ?? null);
      for (const c of set.criteria) {
        const r = exp.score.self.byCode[c.code]!;
        const drow = detail.find((d) => d[2] === code && d[4] === c.code);
        if (!exp.row.answers.some((a) => a.criterionCode === c.code) || r.status === 'irrelevant') expect(drow).toBeUndefined();
        else expect(drow?.[9]).toBe(r.points);
      }
    }
  };

  it('holds across generated sequences of answers, evidence, returns and appraisal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb(set.criteria.length), { minLength: 4, maxLength: 14 }), async (events) => {
        for (const e of events) {
          await apply(e);
          await cacheHolds(e.unit);
        }
        await check();
      }),
      { numRuns: Number(process.env['SCORE_PROPERTY_RUNS'] ?? 12), endOnFailure: true },
    );
    // The sequences really reached the interesting states (not only refused commands).
    expect(seen.submitted).toBeGreaterThan(0);
    expect(seen.returned + seen.verified).toBeGreaterThan(0);
  }, 600_000);

  it('a fixed sequence: evidence after the answer, appraisal at the own points, return and resubmit', async () => {
    const user = reporterOf(0);
    const c = set.criteria.find((x) => x.evidence === 'required' && x.answer.type === 'boolean')!;
    await answer(user, c, { kind: 'answer', unit: 0, criterion: set.criteria.indexOf(c), quality: 'full', evidence: true, explain: true });
    for (const [i, other] of set.criteria.entries()) {
      if (other.code !== c.code) await answer(user, other, { kind: 'answer', unit: 0, criterion: i, quality: 'full', evidence: true, explain: true });
    }
    await apply({ kind: 'submit', unit: 0 });
    await check();
    const exp = (await expected(UNITS[0]))!;
    await text(COORDINATOR, `/verify ${UNITS[0]} ${c.code} ${exp.score.self.byCode[c.code]!.points} đúng`);
    await check();
    await apply({ kind: 'return', unit: 0 });
    await apply({ kind: 'submit', unit: 0 });
    await check();
    writeFileSync(path.join(dir, 'done'), '1');
  }, 300_000);
});
