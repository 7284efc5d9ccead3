// A period definition file (YAML), written by an admin from the province's letter and loaded
// with `period create|update`. Dates: dd/mm/yyyy (also d/m/yyyy) or YYYY-MM-DD (file-date.ts).
// Objects are strict: a misspelt field is an error naming it, never a silently ignored line.
import { z } from 'zod';
import { TierSchema } from '../criteria/criteria-set.schema.ts';
import { rankingRulesSchema } from '../ranking/ranking-rules.ts';
import { reminderPolicyOverrideSchema } from '../reminders/reminder-policy.ts';
import { DEFAULT_DEADLINE_WORDING } from './deadline-wording.ts';
import { fileDateSchema } from './file-date.ts';
import { assessedLevels, deadlineWordings, periodStatuses } from './period.schema.ts';

const names = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** A criteria set as imported: `key@version`, e.g. `commune_2025@1`. */
export const SET_REF = /^([a-z0-9][a-z0-9_.-]*)@([1-9]\d*)$/;
const setRefSchema = z.string().regex(SET_REF, { message: 'expected a criteria set as key@version, e.g. commune_2025@1' });

const fileLevelSchema = z.strictObject({
  set: setRefSchema,
  dataWindow: z.strictObject({ from: fileDateSchema, to: fileDateSchema }),
  opensAt: fileDateSchema,
  /** The date as written in the letter; `deadlineWording` says whether it is still on time. */
  deadline: fileDateSchema,
});
export type PeriodFileLevel = z.infer<typeof fileLevelSchema>;

const checkpointSchema = z.strictObject({
  month: z.union([z.literal(3), z.literal(6), z.literal(9)], { error: 'expected month 3, 6 or 9' }),
  date: fileDateSchema,
});

export const periodFileSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'expected lowercase letters, digits, - and _, e.g. hatinh-2021' }),
    name: names,
    /** quarterly = a non-scored update (Hà Tĩnh: "kỳ báo cáo không đánh giá"). */
    kind: z.enum(['annual', 'quarterly']),
    status: z.enum(periodStatuses).optional(),
    deadlineWording: z.enum(deadlineWordings).default(DEFAULT_DEADLINE_WORDING),
    levels: z.strictObject({ department: fileLevelSchema.optional(), district: fileLevelSchema.optional(), commune: fileLevelSchema.optional() }),
    lateToleranceWorkingDays: z.number().int().min(0).max(60).default(5),
    ranking: rankingRulesSchema.optional(),
    tiers: z.array(TierSchema).min(1).optional(),
    milestones: z.array(z.strictObject({ key: z.string().min(1), name: names, date: fileDateSchema })).optional(),
    reminders: reminderPolicyOverrideSchema.strict().optional(),
    /** Quarterly periods only; when absent, months 3, 6 and 9 of the data window. */
    checkpoints: z.array(checkpointSchema).min(1).optional(),
  })
  .superRefine((f, ctx) => {
    const present = assessedLevels.filter((l) => f.levels[l] !== undefined);
    if (present.length === 0) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'expected at least one of department, district, commune' });
    for (const level of present) {
      const l = f.levels[level]!;
      if (l.dataWindow.from > l.dataWindow.to) {
        ctx.addIssue({ code: 'custom', path: ['levels', level, 'dataWindow', 'to'], message: 'must not be before dataWindow.from' });
      }
      if (f.deadlineWording === 'before' ? l.deadline <= l.opensAt : l.deadline < l.opensAt) {
        const why =
          f.deadlineWording === 'before' ? 'must be after opensAt (deadlineWording: before, so the last day is the day before)' : 'must not be before opensAt';
        ctx.addIssue({ code: 'custom', path: ['levels', level, 'deadline'], message: why });
      }
    }
    if (f.checkpoints && f.kind !== 'quarterly') ctx.addIssue({ code: 'custom', path: ['checkpoints'], message: 'only for kind: quarterly' });
    const months = new Set<number>();
    f.checkpoints?.forEach((c, i) => {
      if (months.has(c.month)) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'month'], message: `month ${c.month} appears twice` });
      months.add(c.month);
    });
    const keys = new Set<string>();
    f.milestones?.forEach((m, i) => {
      if (keys.has(m.key)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'key'], message: `milestone "${m.key}" appears twice` });
      keys.add(m.key);
    });
  });

export type PeriodFile = z.infer<typeof periodFileSchema>;
export type PeriodFileInput = z.input<typeof periodFileSchema>;
