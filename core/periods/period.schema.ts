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

export const periodSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['annual', 'quarterly']),
    scored: z.boolean(),
    dataWindow: z.object({ from: isoDateSchema, to: isoDateSchema }),
    opensAt: isoDateSchema,
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
    }
  });

export type PeriodInput = z.input<typeof periodSchema>;
export type Period = z.infer<typeof periodSchema>;
