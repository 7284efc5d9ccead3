// Boundary parser for the period settings JSON read from the database or the admin CLI.
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { periodSchema, type Period } from './period.schema.ts';

export type PeriodIssue = { readonly path: string; readonly message: string };
export type ParsePeriodError = { readonly code: 'INVALID_PERIOD'; readonly issues: readonly PeriodIssue[] };

export const parsePeriod = (json: unknown): Result<Period, ParsePeriodError> => {
  const parsed = periodSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return err({
    code: 'INVALID_PERIOD',
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
};
