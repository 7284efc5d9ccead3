// The annual report starts from the last quarterly update: a unit's untouched annual report
// takes its general figures (same profile keys, e.g. `officials`) from the latest checkpoint
// of a quarterly period whose data window overlaps, and the officer is told where they came
// from. They remain ordinary answers of the profile step, which the officer can change.
import { formatNumber } from '../../../core/criteria/format-number.ts';
import { pickText, type Lang } from '../../../core/criteria/localized-text.ts';
import { windowsOverlap } from '../../../core/periods/checkpoint-due.ts';
import { reply, type Reply } from '../../../core/reply.ts';
import { isQuarterlyUpdate } from '../checkpoints.ts';
import { scoreCache, windowOf } from '../scores.ts';
import type { DialogueDeps } from './deps.ts';
import type { ReportContext } from './report-context.ts';
import type { Turn } from './turn.ts';

export type Prefilled = { readonly ctx: ReportContext; readonly note: Reply };

/** Only a report nobody has changed yet (version 0), so a figure the officer gave is never overwritten. */
export const prefillFromCheckpoint = async (deps: DialogueDeps, turn: Turn, ctx: ReportContext): Promise<Prefilled | null> => {
  const s = ctx.submission;
  if (s.version !== 0 || isQuarterlyUpdate(ctx.period) || ctx.set.profile.length === 0) return null;
  const level = ctx.unit.level;
  const window = windowOf(ctx.period, level);
  const quarterly = (await deps.periods.list()).filter((p) => p.id !== ctx.period.id && isQuarterlyUpdate(p) && windowsOverlap(windowOf(p, level), window));
  if (quarterly.length === 0) return null;
  const latest = await deps.submissions.latestCheckpoint(
    ctx.unit.id,
    quarterly.map((p) => p.id),
  );
  if (!latest?.profile) return null;
  const values: Record<string, number> = {};
  for (const item of ctx.set.profile) {
    const v = latest.profile[item.key];
    // The annual set's own bounds decide (a district's 5,000 officials are not a commune's).
    if (v !== undefined && s.profile[item.key] === undefined && v >= item.min && v <= item.max) values[item.key] = v;
  }
  const keys = Object.keys(values);
  if (keys.length === 0) return null;
  const profile = { ...s.profile, ...values };
  const outcome = await deps.submissions.applyChange(s.id, {
    expectedVersion: s.version,
    actor: { personId: turn.person.id, channel: turn.event.channel },
    now: turn.now,
    profile,
    score: scoreCache(ctx.set, ctx.period, s),
  });
  if (!outcome.ok) return null;
  const lang: Lang = turn.locale;
  const figures = ctx.set.profile
    .filter((p) => keys.includes(p.key))
    .map((p) => `${pickText(p.label, lang)}: ${formatNumber(values[p.key]!)}`)
    .join('; ');
  return {
    ctx: { ...ctx, submission: { ...s, version: outcome.version, profile } },
    note: reply('dialogue:report.prefilled_from_checkpoint', { months: latest.month, figures, example: keys[0]! }),
  };
};
