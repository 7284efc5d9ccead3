// The JSON settings of an assessment period, as stored in the database and edited by admins.
// Dates are local (Asia/Ho_Chi_Minh) calendar dates: letters say "trước ngày 15/11", never a
// time zone, and a deadline means the end of that local day.
import { z } from 'zod';
import { isoDateSchema } from '../calendar/calendar.schema.ts';
import { TierSchema } from '../criteria/criteria-set.schema.ts';
import { rankingRulesSchema } from '../ranking/ranking-rules.ts';
import { reminderPolicyOverrideSchema } from '../reminders/reminder-policy.ts';

export const assessedLevels = ['commune', 'district', 'department'] as const;
export const assessedLevelSchema = z.enum(assessedLevels);
export type AssessedLevel = z.infer<typeof assessedLevelSchema>;

export const periodStatuses = ['draft', 'open', 'closed', 'published'] as const;
export const checkpointMonths = [3, 6, 9] as const;
export type CheckpointMonth = (typeof checkpointMonths)[number];

/**
 * How a deadline written "trước ngày X" is read (see core/periods/deadline-wording.ts):
 * `by` — X is the last day on time (the default); `before` — X − 1 is.
 */
export const deadlineWordings = ['by', 'before'] as const;
export type DeadlineWording = (typeof deadlineWordings)[number];

const dateWindowSchema = z.object({ from: isoDateSchema, to: isoDateSchema });

/** A level's own data window and opening (Hà Tĩnh: communes 10/11→10/11, others 15/11→15/11). */
export const levelScheduleSchema = z.object({ dataWindow: dateWindowSchema, opensAt: isoDateSchema });
export type LevelSchedule = z.infer<typeof levelScheduleSchema>;

/** Appraisal steps announced with the period (Bình Thuận 2019: preliminary 30/9, field checks 10/11, decision 25/11). */
export const milestoneSchema = z.object({
  key: z.string().min(1),
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  date: isoDateSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const periodSchema = z
  .object({
    id: z.string().min(1),
    /** Set for periods created from a file, e.g. "hatinh-2021". */
    key: z.string().min(1).optional(),
    /** Vietnamese name (shown to officers); `nameEn` is the English one when known. */
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    kind: z.enum(['annual', 'quarterly']),
    scored: z.boolean(),
    /** Shared by every level; with `levels`, the earliest `from` to the latest `to`. Per level: dataWindowFor(). */
    dataWindow: dateWindowSchema,
    /** With `levels`, the earliest opening. Per level: opensAtFor(). */
    opensAt: isoDateSchema,
    levels: z
      .object({ commune: levelScheduleSchema.optional(), district: levelScheduleSchema.optional(), department: levelScheduleSchema.optional() })
      .optional(),
    /** The last day on time per level, after `deadlineWording` was applied to the written date. */
    deadlines: z.object({
      commune: isoDateSchema.optional(),
      district: isoDateSchema.optional(),
      department: isoDateSchema.optional(),
    }),
    lateToleranceWorkingDays: z.number().int().min(0).max(60).default(5),
    appraisalDeadline: isoDateSchema.optional(),
    status: z.enum(periodStatuses).default('draft'),
    /** Explicit checkpoint dates; when absent they are months 3, 6, 9 of the data window. */
    checkpoints: z.array(z.object({ month: z.union([z.literal(3), z.literal(6), z.literal(9)]), date: isoDateSchema })).optional(),
    reminders: reminderPolicyOverrideSchema.optional(),
    /** Ranking rules of the province (not submitted, too late, tie-breaks). */
    ranking: rankingRulesSchema.default({ notSubmitted: 'last', lateBeyondTolerance: 'unranked' }),
    /** Tier thresholds set by the province for this period; otherwise each set's own. */
    tiers: z.array(TierSchema).min(1).optional(),
    milestones: z.array(milestoneSchema).optional(),
    /** How the letter's dates were read; informational once `deadlines` hold the last days. */
    deadlineWording: z.enum(deadlineWordings).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.dataWindow.from > p.dataWindow.to) {
      ctx.addIssue({ code: 'custom', path: ['dataWindow', 'to'], message: 'must not be before dataWindow.from' });
    }
    for (const level of assessedLevels) {
      const d = p.deadlines[level];
      if (d !== undefined && d < p.opensAt) {
        ctx.addIssue({ code: 'custom', path: ['deadlines', level], message: 'must not be before opensAt' });
      }
      const own = p.levels?.[level];
      if (own && own.dataWindow.from > own.dataWindow.to) {
        ctx.addIssue({ code: 'custom', path: ['levels', level, 'dataWindow', 'to'], message: 'must not be before dataWindow.from' });
      }
      if (own && d !== undefined && d < own.opensAt) {
        ctx.addIssue({ code: 'custom', path: ['deadlines', level], message: `must not be before levels.${level}.opensAt` });
      }
    }
  });

export type PeriodInput = z.input<typeof periodSchema>;
export type Period = z.infer<typeof periodSchema>;
