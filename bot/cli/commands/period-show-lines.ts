// The lines of `period show <id>`: per level the set(s), data window, opening and deadline as
// dd/mm/yyyy, then tolerance, ranking rules, tiers, milestones, checkpoints and status.
import { formatDateVi } from '../../../core/calendar/local-date.ts';
import { formatNumber } from '../../../core/criteria/format-number.ts';
import { writtenDeadline } from '../../../core/periods/deadline-wording.ts';
import { quarterlyCheckpoints } from '../../../core/periods/deadlines.ts';
import { dataWindowFor, opensAtFor } from '../../../core/periods/period-levels.ts';
import { assessedLevels } from '../../../core/periods/period.schema.ts';
import { DEFAULT_TIE_BREAKS, type TieBreak } from '../../../core/ranking/ranking-rules.ts';
import type { StoredPeriod } from '../../app/ports.ts';
import type { Locale, Translator } from '../../platform/i18n.ts';

export const periodShowLines = (p: StoredPeriod, translator: Translator, locale: Locale): string[] => {
  const t = (key: string, params?: Record<string, unknown>) => translator.t(locale, `year:period.show.${key}`, params);
  const d = formatDateVi;
  const tieBreak = (tb: TieBreak) => (tb.kind === 'group_points' ? t('tie_group', { group: tb.group }) : t('tie_earlier'));
  const lines = [
    [p.id, p.key ?? ''].join('\t').trimEnd(),
    t('name', { name: p.name, nameEn: p.nameEn ?? '—' }),
    t(p.kind === 'annual' ? 'kind_annual' : 'kind_quarterly'),
    t('status', { status: p.status }),
    t(p.deadlineWording === 'before' ? 'wording_before' : 'wording_by'),
  ];
  for (const level of assessedLevels) {
    const sets = p.sets.filter((s) => s.level === level).map((s) => `${s.key}@${s.version}`);
    const deadline = p.deadlines[level];
    if (deadline === undefined && sets.length === 0) continue;
    const window = dataWindowFor(p, level);
    const written = p.deadlineWording === 'before' && deadline !== undefined ? t('written', { date: d(writtenDeadline(deadline, 'before')) }) : '';
    lines.push(
      t('level', {
        level,
        sets: sets.join(', ') || t('no_set'),
        from: d(window.from),
        to: d(window.to),
        opens: d(opensAtFor(p, level)),
        deadline: deadline === undefined ? '—' : d(deadline),
        written,
      }),
    );
  }
  lines.push(t('tolerance', { count: p.lateToleranceWorkingDays }));
  lines.push(
    t('ranking', {
      notSubmitted: t(p.ranking.notSubmitted),
      late: t(p.ranking.lateBeyondTolerance),
      tieBreaks: (p.ranking.tieBreaks ?? DEFAULT_TIE_BREAKS).map(tieBreak).join(', '),
    }),
  );
  lines.push(
    p.tiers
      ? t('tiers', {
          tiers: p.tiers.map((x) => `${x.label?.[locale] ?? x.key} ≥ ${locale === 'vi' ? formatNumber(x.minPercent) : String(x.minPercent)} %`).join(', '),
        })
      : t('tiers_default'),
  );
  for (const m of p.milestones ?? []) lines.push(t('milestone', { date: d(m.date), key: m.key, name: m.name[locale] }));
  if (p.kind === 'quarterly') for (const c of quarterlyCheckpoints(p)) lines.push(t('checkpoint', { month: c.month, date: d(c.date) }));
  if (p.reminders) lines.push(t('reminders', { settings: JSON.stringify(p.reminders) }));
  return lines;
};
