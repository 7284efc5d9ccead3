// The appendix (bảng tổng hợp kết quả đánh giá, xếp hạng) of a period from the database: per
// level, every unit in scope in rank order with its group subtotals, total, percent, tier and
// rank — self and verified side by side — and its criterion detail, every figure from the one
// score function and the ranking. Rows are produced lazily, answers loaded a batch at a time
// (the next batch read while this one is scored and written), so the streamed writer never
// holds a whole level of reports.
import type { CriteriaSet, Tier } from '../../../core/criteria/criteria-set.schema.ts';
import { pickText, type Lang } from '../../../core/criteria/localized-text.ts';
import type { SetScore } from '../../../core/criteria/scoring.ts';
import type { AssessedLevel } from '../../../core/periods/period.schema.ts';
import type { ReplyParams } from '../../../core/reply.ts';
import type { AppendixCriterionRow, AppendixDocument, AppendixLevel, AppendixRank, AppendixUnitRow } from '../../platform/documents/appendix/appendix-model.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { ScoringSnapshot, StoredPeriod } from '../ports.ts';
import { scoreOf, windowOf } from '../scores.ts';
import { toLocalDate } from '../../../core/calendar/local-date.ts';
import { unitRows, type CoordinationDeps, type Scope, type UnitRow } from './coordination-context.ts';
import { rankingsFor } from './ranking-command.ts';

// 100 submissions a query: the next batch is read (off the main thread on SQLite, by the
// server on PostgreSQL) while this one is scored and written, and two batches of reports in
// memory stay small enough to die young (at 500, they outlived the young generation and each
// batch cost a full GC; peak memory was 30 MB higher).
const BATCH = 100;

type Translate = (key: string, params?: ReplyParams) => string;

const tierName = (tiers: readonly Tier[], s: SetScore | null | undefined, lang: Lang, t: Translate): string | null => {
  const key = s?.tier?.key;
  if (!key) return null;
  return pickText(tiers.find((x) => x.key === key)?.label, lang) || t(`ranking:tier.${key}`);
};

const unitRow = (set: CriteriaSet, period: StoredPeriod, row: UnitRow, snap: ScoringSnapshot | undefined, rank: AppendixRank, lang: Lang, t: Translate) => {
  const base = { unitCode: row.unit.code, unitName: row.unit.name, rank };
  if (!snap) {
    return {
      ...base,
      groups: {},
      total: { self: null, verified: null },
      applicableMax: null,
      percent: { self: null, verified: null },
      tier: { self: null, verified: null },
      criteria: [],
    } satisfies AppendixUnitRow;
  }
  const score = scoreOf(set, period, snap);
  const { self, verified } = score;
  const tiers = period.tiers ?? set.tiers;
  const criteria: AppendixCriterionRow[] = [];
  for (const c of set.criteria) {
    const answer = snap.answers[c.code];
    const s = self.byCode[c.code];
    // Irrelevant by the unit's own answers: not part of its report, as on /unit.
    if (!answer || !s || s.status === 'irrelevant') continue;
    const v = answer.value;
    // One literal per row (310,000 of them): a conditional spread here is several times slower.
    criteria.push({
      code: c.code,
      numerator: v.type === 'ratio' ? v.numerator : null,
      denominator: v.type === 'ratio' ? v.denominator : null,
      points: { self: s.points, verified: verified ? (verified.byCode[c.code]?.points ?? null) : null },
      explanation: answer.explanation ?? null,
      evidenceCount: answer.evidenceCount,
    });
  }
  return {
    ...base,
    groups: Object.fromEntries(
      self.groups.map((g) => [g.code, { self: g.points, verified: verified ? (verified.groups.find((x) => x.code === g.code)?.points ?? null) : null }]),
    ),
    total: { self: self.points, verified: verified?.points ?? null },
    applicableMax: (verified ?? self).applicableMax,
    percent: { self: self.percent, verified: verified?.percent ?? null },
    tier: { self: tierName(tiers, self, lang, t), verified: tierName(tiers, verified, lang, t) },
    criteria,
  } satisfies AppendixUnitRow;
};

/** The appendix of the caller's scope; levels without units are left out (empty → no levels). */
export const appendixDocument = async (
  deps: CoordinationDeps,
  scope: Scope,
  period: StoredPeriod,
  locale: Locale,
  now: Date,
  level?: AssessedLevel,
  /** Submissions read per query (a test's knob: any size gives the same document). */
  readBatch = BATCH,
): Promise<AppendixDocument> => {
  const t: Translate = (key, params) => deps.translate(locale, key, params);
  // The reads of the reports start once the ranking is known; their thread can start now.
  deps.repos.submissions.expectScoringReads?.();
  const all = await unitRows(deps, scope, period, (u) => !level || u.level === level);
  const rankings = await rankingsFor(deps, scope, period, level ? { level } : {}, all);
  const rows = new Map(all.filter((r) => !r.unit.excluded).map((r) => [r.unit.id, r]));
  const levels: AppendixLevel[] = [];
  for (const ranking of rankings) {
    const link = period.sets.find((s) => s.level === ranking.level && s.answeredBy === 'unit');
    const set = link ? (await deps.repos.criteriaSets.findById(link.criteriaSetId))?.set : undefined;
    if (!set) continue;
    const ordered: { row: UnitRow; rank: AppendixRank }[] = [];
    for (const r of ranking.ranked) {
      const row = rows.get(r.unitId);
      if (row) ordered.push({ row, rank: r.rank === 'last' ? { kind: 'last' } : { kind: 'ranked', place: r.rank } });
    }
    for (const r of ranking.notRanked) {
      const row = rows.get(r.unitId);
      if (row) ordered.push({ row, rank: { kind: 'not_ranked', reason: t(r.reason.key, r.reason.params) } });
    }
    const load = (i: number): Promise<Map<string, ScoringSnapshot>> | undefined => {
      if (i >= ordered.length) return undefined;
      const ids = ordered.slice(i, i + readBatch).flatMap((b) => (b.row.submission ? [b.row.submission.id] : []));
      return deps.repos.submissions.scoringMany(ids).then((snaps) => new Map(snaps.map((s) => [s.id, s])));
    };
    const produce = async function* (): AsyncGenerator<AppendixUnitRow> {
      let next = load(0);
      try {
        for (let i = 0; next; i += readBatch) {
          const snaps = await next;
          // PostgreSQL answers the next batch while this one is scored and written.
          next = load(i + readBatch);
          for (const b of ordered.slice(i, i + readBatch))
            yield unitRow(set, period, b.row, b.row.submission ? snaps.get(b.row.submission.id) : undefined, b.rank, locale, t);
        }
      } finally {
        // A writer that stops early (a failed file) must not leave a read failing unobserved.
        next?.catch(() => undefined);
      }
    };
    levels.push({
      level: ranking.level,
      levelName: t(`coord:level.${ranking.level}`),
      groups: set.groups.map((g) => ({ number: g.code, title: pickText(g.title, locale) })),
      criteria: set.criteria.map((c) => ({ code: c.code, group: c.group, text: pickText(c.text, locale), maxPoints: c.maxPoints })),
      rows: produce(),
    });
  }
  const province = scope.all.find((u) => u.level === 'province');
  const issuer = scope.roots[0] ?? province;
  const parent = issuer?.parentId ? scope.byId.get(issuer.parentId) : undefined;
  return {
    issuer: { ...(parent ? { parentName: parent.name.toUpperCase() } : {}), name: (issuer?.name ?? '').toUpperCase() },
    periodName: period.name,
    window: windowOf(period, level ?? 'commune'),
    place: (province?.name ?? issuer?.name ?? '').replace(/^(Tỉnh|Thành phố)\s+/i, ''),
    date: toLocalDate(now),
    generatedAt: now,
    levels,
  };
};
