import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app/create-app.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import type { Attachment, OutgoingNotice } from '../../../bot/app/command-port.ts';
import { createInvite } from '../../../bot/app/admin/create-invite.ts';
import type { Dialogue, FileFetcher } from '../../../bot/app/dialogue-port.ts';
import { createCoordinationCommands } from '../../../bot/app/coordination/coordination-commands.ts';
import { createTranslator } from '../../../bot/platform/i18n.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import { renderReplies } from '../../../bot/channels/render.ts';
import { seedDemo, type SeedSummary } from '../../../bot/app/admin/seed-demo.ts';
import type { AnswerValue, Answers } from '../../../core/criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { scoreSubmission, type ScoreCache } from '../../../core/criteria/submission-score.ts';
import { scoreCache } from '../../../bot/app/scores.ts';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { addWorkingDays, VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import { availableProviders, createTestDatabase, type TestDatabase } from '../support/providers.ts';

const providers = await availableProviders();
const translator = createTranslator('vi');
const noFiles: FileFetcher = async () => ({ ok: false, error: { code: 'download_failed' } });

const valueFor = (c: CriteriaSet['criteria'][number], q: number, year: number): AnswerValue => {
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

describe.each(providers)('coordinators on %s', (provider) => {
  let db: TestDatabase;
  let app: App;
  let seed: SeedSummary;
  let set: CriteriaSet;
  const notices: OutgoingNotice[] = [];
  const reminded: { unitIds: readonly string[] }[] = [];
  const now = new Date('2026-11-24T03:00:00Z');
  /** The product's clock: moved past the deadline in the return test. */
  let current = now;
  let nextUpdate = 1;

  const send = async (userId: number, text: string): Promise<{ text: string; attachments: readonly Attachment[] }> => {
    const out = await (app.dialogue as Dialogue).handle(
      {
        channel: 'telegram',
        dedupeKey: `tg:${nextUpdate++}`,
        externalUserId: String(userId),
        chatId: String(userId),
        receivedAt: now,
        content: { kind: 'text', text },
      },
      noFiles,
    );
    return { text: out ? renderReplies(translator, out.locale, out.replies, 'plain').text : '', attachments: out?.attachments ?? [] };
  };
  const join = async (userId: number, unitCode: string, role: 'reporter' | 'coordinator') => {
    const unit = await app.deps.units.findByCode(unitCode);
    const { code } = await createInvite(app.deps.invites, { unitId: unit!.id, role, uses: 1, days: 7, createdById: null, now });
    await send(userId, `/start ${code}`);
  };
  /** A submission with answers of quality q (1 = full points), first submitted at `submittedAt`. */
  const submit = async (unitCode: string, q: number, submittedAt: Date) => {
    const unit = (await app.deps.units.findByCode(unitCode))!;
    const setId = seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId;
    const snap = await app.deps.submissions.getOrCreate({ periodId: seed.period.id, unitId: unit.id, criteriaSetId: setId, profile: {}, now });
    const answers: Record<string, Answers[string]> = {};
    for (const c of set.criteria) answers[c.code] = { value: valueFor(c, q, 2026), evidenceCount: 1, explanation: 'Giải trình của đơn vị.' };
    const actor = { personId: 'seed', channel: 'telegram' as const };
    await db.prisma.evidence.createMany({
      data: set.criteria.map((c) => ({
        submissionId: snap.id,
        criterionCode: c.code,
        kind: 'photo',
        channel: 'telegram',
        fileRef: 'f',
        fileName: `${c.code}.jpg`,
        uploadedById: 'seed',
      })),
    });
    const first = await app.deps.submissions.applyChange(snap.id, {
      expectedVersion: snap.version,
      actor,
      now,
      score: scoreCache(set, seed.period, { answers, overrides: {} }),
      profile: Object.fromEntries(set.profile.map((p) => [p.key, 20])),
      answers: set.criteria.map((c) => ({ code: c.code, value: answers[c.code]!.value, explanation: 'Giải trình của đơn vị.' })),
    });
    if (!first.ok) throw new Error('conflict');
    await app.deps.submissions.applyChange(snap.id, {
      expectedVersion: first.version,
      actor,
      now: submittedAt,
      status: { to: 'submitted', event: 'submitted', firstSubmission: true },
    });
    return scoreSubmission({ set, answers, window: seed.period.dataWindow }).self;
  };
  /** 10:00 local on the n-th working day after the commune deadline. */
  const lateBy = (n: number): Date => localDateTimeToInstant(addWorkingDays(seed.period.deadlines.commune!, n, VIETNAM_CALENDAR), '10:00');

  beforeAll(async () => {
    db = await createTestDatabase(provider);
    seed = await seedDemo(db.repos, now);
    app = createApp({
      repos: db.repos,
      logger: silentLogger(),
      clock: () => current,
      evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-co-'))),
      evidenceMaxBytes: 1 << 20,
      botUsername: 'egov_bot',
      commands: (deps) =>
        createCoordinationCommands({
          repos: db.repos,
          calendar: deps.calendar,
          botUsername: 'egov_bot',
          translate: translator.t,
          notify: async (n) => void notices.push(...n),
          remind: async (r) => {
            reminded.push(r);
            return { queued: r.unitIds.length };
          },
        }),
    });
    const stored = await app.deps.criteriaSets.findById(seed.period.sets.find((s) => s.level === 'commune' && s.answeredBy === 'unit')!.criteriaSetId);
    set = stored!.set;
    await join(1, 'H-THACHHA', 'coordinator');
    await join(2, 'H-CANLOC', 'coordinator');
    await join(3, 'HATINH', 'coordinator');
    await join(10, 'X-THACHDAI', 'reporter');
    await join(11, 'X-THIENLOC', 'reporter');
    const day = (d: number) => new Date(now.getTime() + d * 3_600_000);
    // Thạch Hà: Thạch Đài 95 %, Thạch Khê 80 % (earlier), Thạch Liên not submitted.
    await submit('X-THACHDAI', 0.95, day(1));
    await submit('X-THACHKHE', 0.8, day(2));
    // Can Lộc: Thiên Lộc 80 % (later: loses the tie), Tùng Lộc 6 working days late, Vượng Lộc 5 days late.
    await submit('X-THIENLOC', 0.8, day(3));
    await submit('X-TUNGLOC', 1, lateBy(6));
    await submit('X-VUONGLOC', 0.7, lateBy(5));
  });
  afterAll(async () => db.dispose());

  it('a district coordinator can neither see nor act on another district, for every command', async () => {
    const refusals = [
      '/unit X-THIENLOC',
      '/return X-THIENLOC thiếu minh chứng',
      '/verify X-THIENLOC X-1.1 10 thiếu quyết định',
      '/remind X-THIENLOC',
      '/invite X-THIENLOC reporter',
      '/status H-CANLOC',
      '/missing H-CANLOC',
      '/ranking commune H-CANLOC',
    ];
    for (const text of refusals) expect((await send(1, text)).text, text).toContain('không thuộc phạm vi');
    const status = (await send(1, '/status')).text;
    expect(status).toContain('Huyện Thạch Hà');
    expect(status).not.toContain('Can Lộc');
    const missing = (await send(1, '/missing')).text;
    expect(missing).toContain('X-THACHLIEN');
    expect(missing).not.toContain('X-HODO');
    const ranking = (await send(1, '/ranking commune')).text;
    expect(ranking).toContain('X-THACHDAI');
    expect(ranking).not.toContain('X-THIENLOC');
    const exported = await send(1, '/export commune');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.attachments[0]!.data as never);
    const codes = (wb.worksheets[0]!.getColumn(2).values as unknown[]).slice(10).filter(Boolean).map(String);
    expect(codes.sort()).toEqual(['X-THACHDAI', 'X-THACHKHE', 'X-THACHLIEN']);
    const chart = await send(1, '/chart commune');
    expect(chart.attachments).toHaveLength(1);
    const drawn = PNG.sync.read(chart.attachments[0]!.data);
    expect(drawn.width + drawn.height).toBeLessThanOrEqual(10_000);
    expect(reminded).toEqual([]);
    expect(notices).toEqual([]);
    // Reporters are not coordinators.
    expect((await send(10, '/status')).text).toContain('chỉ dành cho đầu mối');
  });

  it('reproduces the seed rules: not submitted share the last place (no number), too late not ranked, ties by earlier submission', async () => {
    const text = (await send(3, '/ranking commune')).text;
    const lines = text.split('\n').filter((l) => /^\d+\. X-/.test(l));
    const order = lines.map((l) => l.split(' ')[1]);
    expect(order).toEqual(['X-THACHDAI', 'X-THACHKHE', 'X-THIENLOC', 'X-VUONGLOC']);
    expect(lines[1]!.startsWith('2. ')).toBe(true);
    expect(lines[2]!.startsWith('3. ')).toBe(true);
    expect(lines[3]).toContain('trễ 5 ngày làm việc');
    expect(lines.every((l) => l.includes('tự đánh giá'))).toBe(true);
    const last = text.split('\n').filter((l) => l.startsWith('Cuối · '));
    expect(last.map((l) => l.split(' ')[2]).sort()).toEqual(['X-HODO', 'X-THACHKIM', 'X-THACHLIEN']);
    expect(last.every((l) => l.includes('Chưa nộp báo cáo'))).toBe(true);
    const notRanked = text.slice(text.indexOf('Không xếp hạng'));
    expect(notRanked).toContain('X-TUNGLOC');
    expect(notRanked).toContain('6 ngày làm việc');
  });

  it('once appraisal starts the verified total ranks, and the history keeps both scores', async () => {
    const done = (await send(3, '/verify X-THACHDAI X-6.9 0 số liệu không khớp Cổng DVC')).text;
    expect(done).toContain('điểm thẩm định 0/20');
    const again = (await send(3, '/verify X-THACHDAI X-6.3 0 không có thống kê từ QLVB&ĐH')).text;
    expect(again).toContain('Tổng điểm thẩm định');
    for (const c of ['X-6.4', 'X-6.5', 'X-6.6', 'X-6.7', 'X-6.8']) await send(3, `/verify X-THACHDAI ${c} 0 chưa đủ căn cứ`);
    const lines = (await send(3, '/ranking commune')).text.split('\n').filter((l) => /^\d+\. X-/.test(l));
    expect(lines[0]).toContain('X-THACHKHE');
    expect(lines.find((l) => l.includes('X-THACHDAI'))).toContain('thẩm định');
    const sub = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHDAI' } } });
    expect(sub.appraisalState).toBe('in_progress');
    const cache = sub.score as unknown as ScoreCache;
    expect(cache.verified!.points).toBeLessThan(cache.self.points);
    const history = await db.prisma.answerRevision.findMany({ where: { submissionId: sub.id, criterionCode: 'X-6.9' }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => h.kind)).toEqual(['answer', 'verify']);
    expect(history[1]!.points).toBe(0);
    const shown = (await send(3, '/history X-THACHDAI X-6.9')).text;
    expect(shown).toContain('thẩm định 0 điểm: số liệu không khớp Cổng DVC');
    expect(shown).toContain('trả lời:');
    expect((await send(3, '/verify X-THACHDAI X-6.9 99 quá điểm')).text).toContain('từ 0 đến 20');
  });

  it('exports the appendix layout that reads back with the expected rows and totals, and draws a valid PNG chart', async () => {
    const out = await send(3, '/export');
    expect(out.attachments.map((a) => a.fileName.split('.').pop())).toEqual(['xlsx', 'csv', 'csv', 'csv']);
    expect(out.attachments.slice(1).map((a) => a.fileName.replace(/^.*-/, ''))).toEqual(['commune.csv', 'district.csv', 'department.csv']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.attachments[0]!.data as never);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Cấp xã', 'Cấp huyện', 'Cấp sở, ban, ngành']);
    const ws = wb.worksheets[0]!;
    const g = set.groups.length;
    const rows = (ws.getSheetValues().slice(10).filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows).toHaveLength(8);
    const byCode = new Map(rows.map((r) => [String(r[1]), r]));
    const khe = byCode.get('X-THACHKHE')!;
    const sub = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THACHKHE' } } });
    expect(khe[3 + 2 * g]).toBe((sub.score as unknown as ScoreCache).self.points);
    expect(khe[3 + 2 * g + 7]).toBe(1);
    expect(byCode.get('X-TUNGLOC')![3 + 2 * g + 7]).toBeUndefined();
    expect(String(byCode.get('X-TUNGLOC')![3 + 2 * g + 8])).toContain('không xếp hạng');
    expect(byCode.get('X-THACHLIEN')![3 + 2 * g + 7]).toBe('cuối');
    // The detail sheet: one row per unit and criterion, with the criterion text, adding up to the total.
    const detail = wb.worksheets.find((w) => w.name.startsWith('Cấp xã - '))!;
    const kheRows = (detail.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1)).filter((r) => r[1] === 'X-THACHKHE');
    expect(kheRows).toHaveLength(set.criteria.length);
    expect(kheRows[0]![4]).toBe(set.criteria[0]!.text.vi);
    const sum = kheRows.reduce((n, r) => n + Number(r[8]), 0);
    expect(Math.round(sum * 100) / 100).toBe(khe[3 + 2 * g]);
    const csv = out.attachments[1]!.data.toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('STT,Mã đơn vị,Đơn vị');
    const chart = await send(3, '/chart commune');
    const png = chart.attachments[0]!;
    expect(png.kind).toBe('photo');
    expect(png.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const decoded = PNG.sync.read(png.data);
    expect(decoded.width).toBeGreaterThan(500);
  });

  it('/return reopens a report, notifies its reporters with the note, and the reporter can edit again', async () => {
    const before = (await send(10, '/edit X-1.2')).text;
    expect(before).toContain('không thể sửa');
    const r = (await send(1, '/return X-THACHDAI Thiếu biên bản họp BCĐ quý IV')).text;
    expect(r).toContain('Đã trả lại');
    const notice = notices.at(-1)!;
    const reporter = await app.deps.people.findAccount('telegram', '10');
    expect(notice.accountId).toBe(reporter!.id);
    expect(renderReplies(translator, 'vi', notice.replies, 'plain').text).toContain('Thiếu biên bản họp BCĐ quý IV');
    const edit = (await send(10, '/edit X-1.2')).text;
    expect(edit).toContain('X-1.2');
    expect(edit).not.toContain('không thể sửa');
    expect((await send(1, '/return X-THACHDAI lại')).text).toContain('Cú pháp');
  });

  it('/remind and /invite act within scope; /unit shows answers, evidence and totals', async () => {
    // Not submitted in Thạch Hà: the district itself, Thạch Liên, and Thạch Đài (returned above).
    expect((await send(1, '/remind missing')).text).toContain('3 đơn vị');
    const ids = await Promise.all(['H-THACHHA', 'X-THACHLIEN', 'X-THACHDAI'].map(async (c) => (await app.deps.units.findByCode(c))!.id));
    expect([...reminded.at(-1)!.unitIds].sort()).toEqual(ids.sort());
    const invite = (await send(1, '/invite X-THACHLIEN cán bộ')).text;
    expect(invite).toMatch(/https:\/\/t\.me\/egov_bot\?start=[A-Z0-9]{10}/);
    const unit = (await send(1, '/unit X-THACHKHE')).text;
    expect(unit).toContain('X-THACHKHE Xã Thạch Khê');
    expect(unit).toContain('X-1.3:');
    expect(unit).toContain('📎 1 (X-1.3.jpg)');
    expect(unit).toMatch(/Tự đánh giá: [\d.,]+\/[\d.,]+ điểm/);
  });

  it('works on a two-level installation (communes directly under the province)', async () => {
    await app.deps.units.upsertMany([{ code: 'X-MOI', name: 'Xã Mới', level: 'commune', parentCode: 'HATINH' }]);
    expect((await send(3, '/missing xã')).text).toContain('X-MOI');
    expect((await send(3, '/ranking cấp xã')).text).toContain('X-MOI');
    expect((await send(1, '/unit X-MOI')).text).toContain('không thuộc phạm vi');
    expect((await send(3, '/status')).text).toContain('Cấp xã');
  });

  it('a report returned after the deadline and resubmitted unchanged keeps the lateness of its first submission', async () => {
    current = lateBy(8);
    try {
      expect((await send(3, '/return X-THIENLOC Đề nghị bổ sung biên bản họp')).text).toContain('Đã trả lại');
      expect((await send(3, '/ranking commune')).text).toContain('X-THIENLOC Xã Thiên Lộc: Đang được trả lại');
      expect((await send(11, '/submit')).text).toContain('thời hạn được tính theo lần nộp đầu');
      expect((await send(11, '1')).text).toContain('Đã gửi báo cáo');
      const sub = await db.prisma.submission.findFirstOrThrow({ where: { unit: { code: 'X-THIENLOC' } }, include: { events: true } });
      expect(sub.firstSubmittedAt!.getTime()).toBeLessThan(sub.submittedAt!.getTime());
      expect(sub.events.map((e) => e.kind)).toEqual(['submitted', 'returned', 'resubmitted']);
      const unit = (await send(3, '/unit X-THIENLOC')).text;
      expect(unit).toContain('đúng hạn');
      const line = (await send(3, '/ranking commune')).text.split('\n').find((l) => l.includes('X-THIENLOC'))!;
      expect(line).toMatch(/^\d+\. X-THIENLOC/);
      expect(line).not.toContain('trễ');
    } finally {
      current = now;
    }
  });
});
