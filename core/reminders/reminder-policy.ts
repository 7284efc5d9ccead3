// When reminders fall due. Defaults follow issue 6; a period may override any field in its
// settings (`period.reminders`), e.g. a province that wants 10/5/2 days before the deadline.
import { z } from 'zod';
import { isLocalTime, parseLocalTimeMinutes } from '../calendar/local-date.ts';

const localTimeSchema = z.string().refine(isLocalTime, { message: 'expected HH:MM' });

export const reminderPolicyOverrideSchema = z
  .object({
    /** Calendar days before each level's deadline (not working days: "7 days before"). */
    daysBefore: z.array(z.number().int().min(1).max(90)),
    deadlineMorning: z.boolean(),
    /** One reminder every working day after the deadline until the late tolerance ends. */
    lateDaily: z.boolean(),
    /** Local time at which a scheduled reminder falls due. */
    sendAt: localTimeSchema,
    /** Reminders go out only between these local times (quiet hours outside). */
    allowedFrom: localTimeSchema,
    allowedUntil: localTimeSchema,
    sendOnSaturday: z.boolean(),
    /** Non-scored periods: reminders before each checkpoint at months 3, 6, 9. */
    quarterly: z.boolean(),
    quarterlyDaysBefore: z.number().int().min(0).max(60),
    /** Once a commune is late, its district coordinator receives a copy. */
    copyDistrictCoordinatorWhenLate: z.boolean(),
  })
  .partial()
  .refine((p) => p.allowedFrom === undefined || p.allowedUntil === undefined || parseLocalTimeMinutes(p.allowedFrom) < parseLocalTimeMinutes(p.allowedUntil), {
    message: 'allowedFrom must be before allowedUntil',
    path: ['allowedUntil'],
  });

export type ReminderPolicyOverride = z.infer<typeof reminderPolicyOverrideSchema>;
export type ReminderPolicy = Required<ReminderPolicyOverride>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 3, 1],
  deadlineMorning: true,
  lateDaily: true,
  sendAt: '08:00',
  allowedFrom: '07:30',
  allowedUntil: '20:30',
  sendOnSaturday: true,
  quarterly: true,
  quarterlyDaysBefore: 7,
  copyDistrictCoordinatorWhenLate: true,
};

/** Later overrides win field by field (installation defaults, then the period's settings). */
export const resolveReminderPolicy = (...overrides: readonly (ReminderPolicyOverride | undefined)[]): ReminderPolicy => {
  let policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY };
  for (const o of overrides) {
    if (!o) continue;
    const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    policy = { ...policy, ...defined };
  }
  return policy;
};
