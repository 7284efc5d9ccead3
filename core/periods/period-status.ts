// Status changes an admin makes from the CLI. A closed period may be reopened (a late appraisal
// correction); a published one is final. Publication itself is a separate step.
import { err, ok, type Result } from '../result.ts';
import type { Period } from './period.schema.ts';

export type PeriodStatus = Period['status'];
export type PeriodAction = 'open' | 'close';
export type StatusError = { readonly code: 'PERIOD_STATUS_UNCHANGED' | 'PERIOD_STATUS_FORBIDDEN'; readonly from: PeriodStatus; readonly action: PeriodAction };

const allowed: Record<PeriodAction, { readonly from: readonly PeriodStatus[]; readonly to: PeriodStatus }> = {
  open: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

export const nextStatus = (from: PeriodStatus, action: PeriodAction): Result<PeriodStatus, StatusError> => {
  const rule = allowed[action];
  if (from === rule.to) return err({ code: 'PERIOD_STATUS_UNCHANGED', from, action });
  return rule.from.includes(from) ? ok(rule.to) : err({ code: 'PERIOD_STATUS_FORBIDDEN', from, action });
};
