// Coordinator commands as use cases over the in-memory ports with a fixed clock: /status,
// /missing, /ranking, /unit, /verify and /return followed by a resubmission. The reports are
// put in place through the ports; the commands go through the dialogue as a coordinator types
// them. Assertions are on reply descriptors and on stored state. The cases run in order over
// one fixture: /verify and /return change what later cases see, so they come last.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scoreOf } from '../../../bot/app/scores.ts';
import { localDateTimeToInstant } from '../../../core/calendar/local-date.ts';
import { addWorkingDays, VIETNAM_CALENDAR } from '../../../core/calendar/working-days.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { keyParam, type Reply } from '../../../core/reply.ts';
import { submitDirectly } from '../support/submit-directly.ts';
import { createHarness, keys, type Harness } from '../support/use-case-harness.ts';

const start = new Date('2026-11-24T03:00:00.000Z');
const hours = (n: number): Date => new Date(start.getTime() + n * 3_600_000);
const DISTRICT = 1; // coordinator of Huyện Thạch Hà
const PROVINCE = 3; // coordinator of Tỉnh Hà Tĩnh
const REPORTER_THIENLOC = 11;

const rowsOf = (replies: readonly Reply[], key: string) => replies.filter((r) => r.key === key);
const codesOf = (replies: readonly Reply[]) => replies.map((r) => r.params?.['code']);

describe('coordinator commands over in-memory ports', () => {
  let h: Harness;
  let set: CriteriaSet;
  let setId: string;
  let provincePerson: string;
  /** 10:00 local on the n-th working day after the commune deadline (15/12/2026). */
  const lateBy = (n: number): Date => localDateTimeToInstant(addWorkingDays(h.seed.period.deadlines.commune!, n, VIETNAM_CALENDAR), '10:00');
  const submissionOf = async (code: string) => (await h.repos.submissions.find(h.seed.period.id, await h.unitId(code), setId))!;

  beforeAll(async () => {
    h = await createHarness(start);
    ({ id: setId, set } = await h.setOf('commune'));
    await h.join(DISTRICT, 'H-THACHHA', 'coordinator');
    await h.join(2, 'H-CANLOC', 'coordinator');
    provincePerson = await h.join(PROVINCE, 'HATINH', 'coordinator');
    await h.join(10, 'X-THACHDAI', 'reporter');
    await h.join(REPORTER_THIENLOC, 'X-THIENLOC', 'reporter');
    await h.join(12, 'X-THACHLIEN', 'reporter');
    // Thạch Hà: Thạch Đài 95 %, Thạch Khê 80 %, Thạch Liên not submitted.
    await submitDirectly(h, 'X-THACHDAI', 0.95, hours(1));
    await submitDirectly(h, 'X-THACHKHE', 0.8, hours(2));
    // Can Lộc: Thiên Lộc 80 % (later than Thạch Khê: loses the tie), Tùng Lộc 6 working days late, Vượng Lộc 5.
    await submitDirectly(h, 'X-THIENLOC', 0.8, hours(3));
    await submitDirectly(h, 'X-TUNGLOC', 1, lateBy(6));
    await submitDirectly(h, 'X-VUONGLOC', 0.7, lateBy(5));
  });
  beforeEach(() => h.setNow(start));

  it('refuses people who are not coordinators, and units outside a district coordinator’s scope', async () => {
    expect(await h.text(10, '/status')).toEqual([{ key: 'coord:only_coordinators' }]);
    for (const command of ['/unit X-THIENLOC', '/verify X-THIENLOC X-1.1 10 thiếu quyết định', '/return X-THIENLOC thiếu minh chứng', '/status H-CANLOC'])
      expect(await h.text(DISTRICT, command), command).toEqual([
        { key: 'coord:out_of_scope', params: { code: command.includes('H-CANLOC') ? 'H-CANLOC' : 'X-THIENLOC' } },
      ]);
  });

  it('/status counts per level and per district, within the caller’s scope, with the working days left', async () => {
    const district = await h.text(DISTRICT, '/status');
    expect(district[0]).toEqual({ key: 'coord:status.title', params: { period: h.seed.period.name } });
    expect(district[1]).toEqual({
      key: 'coord:status.level',
      params: {
        level: keyParam('coord:level.commune'),
        total: 3,
        submitted: 2,
        inProgress: 0,
        notStarted: 1,
        late: 0,
        deadline: '15/12/2026',
        countdown: keyParam('coord:status.days_left'),
        days: 15,
      },
    });
    expect(rowsOf(district, 'coord:status.district').map((r) => r.params?.['district'])).toEqual(['Huyện Thạch Hà']);

    const province = await h.text(PROVINCE, '/status xã');
    expect(province[1]!.params).toMatchObject({ total: 8, submitted: 5, notStarted: 3, late: 2 });
    expect(rowsOf(province, 'coord:status.district').map((r) => [r.params?.['district'], r.params?.['submitted'], r.params?.['late']])).toEqual([
      ['Huyện Can Lộc', 3, 2],
      ['Huyện Lộc Hà', 0, 0],
      ['Huyện Thạch Hà', 2, 0],
    ]);
  });

  it('/missing lists the units that have not submitted, with their progress and whether their reporters can be reached', async () => {
    const missing = await h.text(PROVINCE, '/missing xã');
    expect(missing[0]).toEqual({ key: 'coord:missing.title', params: { count: 3, period: h.seed.period.name } });
    const rows = rowsOf(missing, 'coord:missing.row');
    expect(codesOf(rows)).toEqual(['X-HODO', 'X-THACHKIM', 'X-THACHLIEN']);
    expect(rows[0]!.params).toMatchObject({
      answered: 0,
      total: set.criteria.length,
      status: keyParam('coord:state.not_started'),
      contact: keyParam('coord:missing.no_reporter'),
    });
    expect(rows[2]!.params).toMatchObject({ contact: keyParam('coord:missing.reporters'), reachable: 1, reporters: 1 });
    // A reporter who blocked the bot is counted, and the unit shown as unreachable.
    const account = (await h.repos.people.findAccount('telegram', '12'))!;
    await h.repos.people.markUnreachable(account.id, start);
    const again = rowsOf(await h.text(PROVINCE, '/missing xã'), 'coord:missing.row');
    expect(again[2]!.params).toMatchObject({ code: 'X-THACHLIEN', contact: keyParam('coord:missing.unreachable'), reachable: 0, reporters: 1 });
    // The district coordinator sees only the district (and the district itself, a unit assessed too).
    expect(codesOf(rowsOf(await h.text(DISTRICT, '/missing'), 'coord:missing.row'))).toEqual(['H-THACHHA', 'X-THACHLIEN']);
  });

  it('/ranking ranks by score (ties by the earlier submission), flags lateness, puts not-submitted units last without a rank, and leaves out the too late', async () => {
    const ranking = await h.text(PROVINCE, '/ranking commune');
    const ranked = rowsOf(ranking, 'coord:ranking.row');
    expect(ranked.map((r) => [r.params?.['rank'], r.params?.['code']])).toEqual([
      [1, 'X-THACHDAI'],
      [2, 'X-THACHKHE'],
      [3, 'X-THIENLOC'],
      [4, 'X-VUONGLOC'],
    ]);
    expect(ranked[1]!.params?.['points']).toBe(ranked[2]!.params?.['points']);
    expect(ranked.map((r) => r.params?.['late'])).toEqual(['', '', '', keyParam('coord:ranking.late')]);
    expect(ranked[3]!.params).toMatchObject({ days: 5, basis: keyParam('coord:basis.self') });
    const thachdai = await submissionOf('X-THACHDAI');
    expect(ranked[0]!.params?.['points']).toBe(scoreOf(set, h.seed.period, thachdai).self.points);

    const last = rowsOf(ranking, 'coord:ranking.row_last');
    expect(codesOf(last)).toEqual(['X-HODO', 'X-THACHKIM', 'X-THACHLIEN']);
    expect(last.every((r) => r.params?.['rank'] === undefined && (r.params?.['reason'] as { key: string }).key === 'ranking:reason.not_submitted')).toBe(true);
    // Not-submitted units come after every ranked one; the too-late unit is listed apart, unranked.
    expect(ranking.indexOf(last[0]!)).toBeGreaterThan(ranking.indexOf(ranked.at(-1)!));
    const notRanked = rowsOf(ranking, 'coord:ranking.not_ranked_scored');
    expect(notRanked.map((r) => [r.params?.['code'], r.params?.['days'], r.params?.['reason']])).toEqual([
      ['X-TUNGLOC', 6, keyParam('ranking:reason.too_late')],
    ]);
    expect(ranking.indexOf(notRanked[0]!)).toBeGreaterThan(ranking.indexOf(last.at(-1)!));

    expect(codesOf(rowsOf(await h.text(DISTRICT, '/ranking commune'), 'coord:ranking.row'))).toEqual(['X-THACHDAI', 'X-THACHKHE']);
  });

  it('/unit shows the totals of the score function, then each criterion with its value, points, explanation and evidence', async () => {
    const unit = await h.text(DISTRICT, '/unit X-THACHKHE');
    const snap = await submissionOf('X-THACHKHE');
    const self = scoreOf(set, h.seed.period, snap).self;
    expect(unit[0]).toEqual({
      key: 'coord:unit.title',
      params: { code: 'X-THACHKHE', name: 'Xã Thạch Khê', status: keyParam('coord:state.submitted'), period: h.seed.period.name },
    });
    expect(unit[1]).toMatchObject({ key: 'coord:unit.totals_self', params: { points: self.points, applicableMax: self.applicableMax, percent: self.percent } });
    expect(unit[2]).toEqual({ key: 'coord:unit.submitted_on_time', params: { date: '24/11/2026', days: 0 } });
    const criteria = unit.filter((r) => r.key === 'coord:unit.criterion' || r.key === 'coord:unit.criterion_na');
    expect(criteria).toHaveLength(set.criteria.length);
    expect(criteria[0]!.params).toMatchObject({
      code: 'X-1.1',
      points: 20,
      max: 20,
      evidence: 1,
      files: 'X-1.1.jpg',
      explanation: 'Giải trình của đơn vị.',
      verified: '',
    });
    const sum = criteria.reduce((n, r) => n + Number(r.params?.['points'] ?? 0), 0);
    expect(Math.round(sum * 100) / 100).toBe(self.points);
  });

  it('/verify stores the appraiser’s points with the note, starts the appraisal, and the verified total then ranks', async () => {
    // Appraisal comes after the submissions (the history is in time order).
    h.setNow(hours(5));
    const before = await submissionOf('X-THACHDAI');
    const selfPoints = scoreOf(set, h.seed.period, before).self.byCode['X-6.9']!.points;
    const done = await h.text(PROVINCE, '/verify X-THACHDAI X-6.9 0 số liệu không khớp Cổng DVC');
    const after = await submissionOf('X-THACHDAI');
    const score = scoreOf(set, h.seed.period, after);
    expect(done).toEqual([
      {
        key: 'coord:verify.done',
        params: {
          unit: 'X-THACHDAI',
          code: 'X-6.9',
          points: 0,
          self: selfPoints,
          max: 20,
          total: score.verified!.points,
          applicableMax: score.verified!.applicableMax,
          percent: score.verified!.percent,
        },
      },
    ]);
    expect(after).toMatchObject({ version: before.version + 1, appraisalState: 'in_progress', status: 'submitted' });
    expect(after.overrides).toEqual({ 'X-6.9': { points: 0, note: 'số liệu không khớp Cổng DVC', byId: provincePerson, at: hours(5) } });
    const summary = (await h.repos.coordination.submissionsOf(h.seed.period.id, [setId])).find((s) => s.id === after.id)!;
    expect(summary.score!.verified!.points).toBe(score.verified!.points);
    expect(summary.score!.verified!.points).toBeLessThan(summary.score!.self.points);
    expect((await h.repos.submissions.history(after.id, 'X-6.9')).map((r) => [r.kind, r.points, r.note])).toEqual([
      ['answer', null, null],
      ['verify', 0, 'số liệu không khớp Cổng DVC'],
    ]);

    expect(await h.text(PROVINCE, '/verify X-THACHDAI X-6.9 99 quá điểm')).toEqual([{ key: 'coord:verify.bad_points', params: { max: 20 } }]);
    expect(await h.text(PROVINCE, '/verify X-THACHDAI X-99 1 không có')).toEqual([{ key: 'coord:verify.unknown_criterion', params: { criterion: 'X-99' } }]);
    expect(await h.text(PROVINCE, '/verify X-THACHLIEN X-1.1 1 chưa nộp')).toEqual([{ key: 'coord:verify.not_submitted', params: { code: 'X-THACHLIEN' } }]);
    expect((await submissionOf('X-THACHDAI')).version).toBe(after.version);

    for (const c of ['X-6.3', 'X-6.4', 'X-6.5', 'X-6.6', 'X-6.7', 'X-6.8']) await h.text(PROVINCE, `/verify X-THACHDAI ${c} 0 chưa đủ căn cứ`);
    const ranked = rowsOf(await h.text(PROVINCE, '/ranking commune'), 'coord:ranking.row');
    expect(ranked[0]!.params?.['code']).toBe('X-THACHKHE');
    const thachdai = ranked.find((r) => r.params?.['code'] === 'X-THACHDAI')!;
    expect(thachdai.params).toMatchObject({
      basis: keyParam('coord:basis.verified'),
      points: scoreOf(set, h.seed.period, await submissionOf('X-THACHDAI')).verified!.points,
    });
  });

  it('/return after the deadline reopens the report and tells its reporter; resubmitted, it keeps the lateness of its first submission', async () => {
    expect(await h.text(PROVINCE, '/return X-THIENLOC lại')).toEqual([{ key: 'coord:return.usage' }]);
    h.setNow(lateBy(8));
    try {
      const firstSubmittedAt = (await submissionOf('X-THIENLOC')).firstSubmittedAt;
      expect(firstSubmittedAt).toEqual(hours(3));
      const returned = await h.text(PROVINCE, '/return X-THIENLOC Đề nghị bổ sung biên bản họp');
      expect(returned).toEqual([{ key: 'coord:return.done', params: { code: 'X-THIENLOC', name: 'Xã Thiên Lộc', count: 1 } }]);
      expect(await submissionOf('X-THIENLOC')).toMatchObject({ status: 'returned', returnNote: 'Đề nghị bổ sung biên bản họp', firstSubmittedAt });
      const reporter = (await h.repos.people.findAccount('telegram', String(REPORTER_THIENLOC)))!;
      expect(h.notices.map((n) => [n.accountId, n.replies[0]!.key, n.replies[0]!.params?.['note']])).toEqual([
        [reporter.id, 'coord:return.notice', 'Đề nghị bổ sung biên bản họp'],
      ]);
      const whileReturned = await h.text(PROVINCE, '/ranking commune');
      expect(codesOf(rowsOf(whileReturned, 'coord:ranking.row'))).not.toContain('X-THIENLOC');

      const confirm = await h.text(REPORTER_THIENLOC, '/submit');
      expect(confirm.find((r) => r.key === 'dialogue:submit.resubmission')).toEqual({ key: 'dialogue:submit.resubmission', params: { first: '24/11/2026' } });
      expect(keys(confirm)).not.toContain('dialogue:submit.late');
      expect(keys(await h.click(REPORTER_THIENLOC, 'confirm:submit'))).toEqual(['dialogue:submit.done', 'dialogue:submit.receipt']);

      const resubmitted = await submissionOf('X-THIENLOC');
      expect(resubmitted).toMatchObject({ status: 'submitted', firstSubmittedAt, submittedAt: lateBy(8) });
      expect((await h.repos.submissions.events(resubmitted.id)).map((e) => e.kind)).toEqual(['submitted', 'returned', 'resubmitted']);
      expect((await h.text(PROVINCE, '/unit X-THIENLOC'))[2]).toEqual({ key: 'coord:unit.submitted_on_time', params: { date: '24/11/2026', days: 0 } });
      const row = rowsOf(await h.text(PROVINCE, '/ranking commune'), 'coord:ranking.row').find((r) => r.params?.['code'] === 'X-THIENLOC')!;
      expect(row.params).toMatchObject({ late: '', days: 0 });
    } finally {
      h.setNow(start);
    }
  });
});
