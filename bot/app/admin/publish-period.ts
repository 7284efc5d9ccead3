// `period publish <id>`: freezes each level's results as the score and ranking functions give
// them now, stores the record once, marks the period published (answers and appraisal become
// read-only) and queues one notice per reporter account of every published unit through the
// outbox. Running it again after a crash neither changes the record nor notifies anyone twice:
// the notices' idempotency keys are per period, unit and account.
import type { WorkingCalendar } from '../../../core/calendar/working-days.ts';
import { freezePublication, parsePublication, publishedUnit, type Publication, type PublishedFigures } from '../../../core/ranking/publication.ts';
import { unitRows, type Scope } from '../coordination/coordination-context.ts';
import { rankingsFor } from '../coordination/ranking-command.ts';
import { unitResultReply } from '../coordination/result-command.ts';
import type { NewOutboxRow, Repositories } from '../ports.ts';

export type PublishOutcome =
  | { readonly ok: true; readonly created: boolean; readonly publication: Publication; readonly queued: number }
  | { readonly ok: false; readonly error: 'unknown_period' | 'draft' | 'invalid_record' };

const everything = async (repos: Repositories): Promise<Scope> => {
  const all = await repos.units.list();
  return {
    all,
    byId: new Map(all.map((u) => [u.id, u])),
    byCode: new Map(all.map((u) => [u.code, u])),
    visible: new Set(all.map((u) => u.id)),
    roots: all.filter((u) => u.parentId === null),
  };
};

const figures = (t: { points: number; percent: number; applicableMax: number } | null | undefined): PublishedFigures | null =>
  t ? { points: t.points, percent: t.percent, applicableMax: t.applicableMax } : null;

export const publicationNoticeKey = (periodId: string, unitId: string, accountId: string): string => `${periodId}:published:${unitId}:${accountId}`;

const noticeRows = async (repos: Repositories, p: Publication, now: Date): Promise<NewOutboxRow[]> => {
  const unitIds = p.levels.flatMap((l) => [...l.ranked, ...l.notRanked].map((r) => r.unitId));
  const reporters = await repos.people.listMemberAccounts(unitIds, 'reporter');
  return reporters
    .filter((a) => a.channel !== 'console')
    .flatMap((a) => {
      const locale = a.locale === 'en' ? 'en' : 'vi';
      const line = publishedUnit(p, a.unitId) ? unitResultReply(p, a.unitId, locale) : null;
      if (!line) return [];
      return [
        {
          idempotencyKey: publicationNoticeKey(p.periodId, a.unitId, a.id),
          kind: 'publication',
          channel: a.channel,
          accountId: a.id,
          chatId: a.chatId,
          payload: { locale, replies: [{ key: 'coord:result.published_notice', params: { period: p.periodName } }, line] },
          nextAttemptAt: now,
        },
      ];
    });
};

export const publishPeriod = async (deps: { repos: Repositories; calendar: WorkingCalendar }, periodId: string, now: Date): Promise<PublishOutcome> => {
  const { repos } = deps;
  const period = await repos.periods.findById(periodId);
  if (!period) return { ok: false, error: 'unknown_period' };
  const stored = await repos.publications.find(period.id);
  let created = false;
  let record: unknown = stored?.results;
  if (!stored) {
    if (period.status === 'draft') return { ok: false, error: 'draft' };
    const scope = await everything(repos);
    const levels = await rankingsFor(deps, scope, period, {});
    const rows = await unitRows(deps, scope, period);
    const totals = new Map(rows.map((r) => [r.unit.id, { self: figures(r.score?.self), verified: figures(r.score?.verified) }]));
    const frozen = freezePublication({ periodId: period.id, periodName: period.name, publishedAt: now, levels, totals });
    created = await repos.publications.create({ periodId: period.id, publishedAt: now, results: frozen });
    // Lost a race with another publisher: what counts is the record that was stored.
    record = created ? frozen : (await repos.publications.find(period.id))?.results;
  }
  const publication = parsePublication(record);
  if (!publication.ok) return { ok: false, error: 'invalid_record' };
  if (period.status !== 'published') await repos.periods.setStatus(period.id, 'published');
  const queued = await repos.outbox.enqueue(await noticeRows(repos, publication.value, now), now);
  return { ok: true, created, publication: publication.value, queued };
};
