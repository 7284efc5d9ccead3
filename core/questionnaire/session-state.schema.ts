import { z } from 'zod';

// The persisted position of one officer in one submission: small, plain JSON, so a use case
// loads it, applies one input and saves it again (O(1) per update, survives restarts).
export const CursorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile'), key: z.string() }),
  z.object({ kind: z.literal('criterion'), code: z.string() }),
  z.object({ kind: z.literal('done') }),
]);
export type Cursor = z.infer<typeof CursorSchema>;

export const StepSchema = z.enum(['value', 'numerator', 'denominator', 'explanation', 'evidence']);
export type Step = z.infer<typeof StepSchema>;

export const SessionStateSchema = z.object({
  cursor: CursorSchema,
  step: StepSchema,
  /** Half-entered answers: the numerator before the denominator, checklist ticks before "done". */
  draft: z.object({ numerator: z.number().optional(), items: z.array(z.string()).optional() }).optional(),
  /** Item ids put off for later, oldest first: criterion codes or `profile:<key>`. */
  skipped: z.array(z.string()),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export type QuestionnaireInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'evidence'; readonly count?: number };

export type ChangedAnswer = {
  readonly code: string;
  /** `cleared`: the answer was removed (its evidence stays attached to the criterion). */
  readonly kind: 'criterion' | 'profile' | 'explanation' | 'evidence' | 'cleared';
  readonly points: number;
};

export type RunningScore = { readonly points: number; readonly applicableMax: number; readonly percent: number };

export const profileItemId = (key: string): string => `profile:${key}`;

// Stable choice values: Telegram callback data carries them; Zalo maps typed numbers to them.
export const CHOICE = {
  yes: 'y',
  no: 'n',
  notApplicable: 'na',
  none: 'none',
  skip: 'skip',
  defaultDenominator: 'd:default',
  evidenceDone: 'e:done',
  /** While editing an answered criterion: remove the answer (it is asked again, unanswered). */
  clear: 'x:clear',
  multiDone: 'm:done',
  optionPrefix: 'c:',
  itemPrefix: 'm:',
} as const;
