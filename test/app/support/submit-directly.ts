// Puts a complete commune report in place through the ports (not the dialogue), the way the
// database coordination suite does: every criterion answered at quality q (1 = full points)
// with an explanation and one evidence file, then submitted for the first time at `at`.
import type { AnswerValue, Answers } from '../../../core/criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { scoreCache } from '../../../bot/app/scores.ts';
import type { Harness } from './use-case-harness.ts';

export const valueFor = (c: CriteriaSet['criteria'][number], q: number, year: number): AnswerValue => {
  const spec = c.answer;
  switch (spec.type) {
    case 'boolean':
      return { type: 'boolean', value: q >= 0.5 };
    case 'choice':
      return { type: 'choice', option: [...spec.options].sort((a, b) => b.points - a.points)[q >= 0.7 ? 0 : 1]!.value };
    case 'multi_check':
      return { type: 'multi_check', items: spec.items.map((i) => i.value) };
    case 'count':
      return { type: 'count', count: 12 };
    case 'ratio':
    case 'ratio_threshold':
      return { type: 'ratio', numerator: Math.round(20 * q), denominator: 20 };
    case 'percent':
      return { type: 'percent', percent: 100 * q };
    case 'date':
      return { type: 'date', date: `${year}-01-15` };
    case 'imported_score':
      return { type: 'imported_score', score: spec.scale * q };
    case 'text':
      return { type: 'text', text: 'Nội dung.' };
    case 'evidence_only':
      return { type: 'evidence_only' };
  }
};

export const submitDirectly = async (h: Harness, unitCode: string, q: number, at: Date): Promise<string> => {
  const { id: setId, set } = await h.setOf('commune');
  const period = h.seed.period;
  const snap = await h.repos.submissions.getOrCreate({ periodId: period.id, unitId: await h.unitId(unitCode), criteriaSetId: setId, profile: {}, now: at });
  const answers: Record<string, Answers[string]> = {};
  for (const c of set.criteria) answers[c.code] = { value: valueFor(c, q, 2026), evidenceCount: 1, explanation: 'Giải trình của đơn vị.' };
  for (const c of set.criteria)
    await h.repos.submissions.addEvidence({
      submissionId: snap.id,
      criterionCode: c.code,
      kind: 'photo',
      channel: 'telegram',
      fileRef: 'f',
      sha256: null,
      size: 10,
      mime: 'image/jpeg',
      fileName: `${c.code}.jpg`,
      storedPath: null,
      uploadedById: 'seed',
      now: at,
    });
  const actor = { personId: 'seed', channel: 'telegram' as const };
  const first = await h.repos.submissions.applyChange(snap.id, {
    expectedVersion: snap.version,
    actor,
    now: at,
    score: scoreCache(set, period, { answers, overrides: {} }),
    profile: Object.fromEntries(set.profile.map((p) => [p.key, 20])),
    answers: set.criteria.map((c) => ({ code: c.code, value: answers[c.code]!.value, explanation: 'Giải trình của đơn vị.' })),
  });
  if (!first.ok) throw new Error('conflict');
  const done = await h.repos.submissions.applyChange(snap.id, {
    expectedVersion: first.version,
    actor,
    now: at,
    status: { to: 'submitted', event: 'submitted', firstSubmission: true },
  });
  if (!done.ok) throw new Error('conflict');
  return snap.id;
};
