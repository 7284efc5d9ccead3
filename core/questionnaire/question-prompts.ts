import type { DateWindow, ProfileValues, StoredAnswer } from '../criteria/answer-value.schema.ts';
import type { CriteriaSet, Criterion } from '../criteria/criteria-set.schema.ts';
import { displayDate } from '../criteria/iso-date.ts';
import { pickText, type Lang } from '../criteria/localized-text.ts';
import { reply, type Choice, type Reply } from '../reply.ts';
import { CHOICE, type SessionState } from './session-state.schema.ts';

export type Prompt = { readonly reply: Reply; readonly exclusive: boolean; readonly defaultDenominator: number | null };

const choice = (value: string, key: string, params?: Choice['params']): Choice => ({ value, key, ...(params ? { params } : {}) });

const naChoices = (c: Criterion): Choice[] => (c.allowNotApplicable ? [choice(CHOICE.notApplicable, 'criteria:choice.not_applicable')] : []);

/** Choices are either the only valid answers (exclusive) or shortcuts next to typed input. */
const valuePrompt = (
  set: CriteriaSet,
  c: Criterion,
  state: SessionState,
  answer: StoredAnswer | undefined,
  profile: ProfileValues,
  lang: Lang,
  window?: DateWindow,
): Prompt => {
  const spec = c.answer;
  const plain = (r: Reply): Prompt => ({ reply: r, exclusive: false, defaultDenominator: null });
  const only = (key: string, params: Reply['params'], choices: Choice[]): Prompt => ({
    reply: reply(key, params, choices),
    exclusive: true,
    defaultDenominator: null,
  });
  switch (spec.type) {
    case 'boolean':
      return only('criteria:prompt.boolean', {}, [choice(CHOICE.yes, 'criteria:choice.yes'), choice(CHOICE.no, 'criteria:choice.no'), ...naChoices(c)]);
    case 'choice':
      return only('criteria:prompt.choice', {}, [
        ...spec.options.map((o) =>
          set.scored
            ? choice(`${CHOICE.optionPrefix}${o.value}`, 'criteria:choice.option', { label: pickText(o.label, lang), points: o.points })
            : choice(`${CHOICE.optionPrefix}${o.value}`, 'criteria:choice.option_unscored', { label: pickText(o.label, lang) }),
        ),
        ...naChoices(c),
      ]);
    case 'multi_check': {
      const ticked = state.draft?.items ?? (answer?.value.type === 'multi_check' ? answer.value.items : []);
      return only('criteria:prompt.multi_check', { selected: ticked.length }, [
        ...spec.items.map((o) =>
          choice(`${CHOICE.itemPrefix}${o.value}`, ticked.includes(o.value) ? 'criteria:choice.item_checked' : 'criteria:choice.item_unchecked', {
            label: pickText(o.label, lang),
          }),
        ),
        choice(CHOICE.multiDone, 'criteria:choice.done'),
        ...naChoices(c),
      ]);
    }
    case 'count':
      return plain(reply('criteria:prompt.count', { min: c.constraints.min ?? 0, max: c.constraints.max ?? COUNT_MAX }, naChoices(c)));
    case 'ratio':
    case 'ratio_threshold': {
      const labels = { numeratorLabel: pickText(spec.numeratorLabel, lang), denominatorLabel: pickText(spec.denominatorLabel, lang) };
      if (state.step !== 'denominator') return plain(reply('criteria:prompt.ratio_numerator', labels, naChoices(c)));
      const key = spec.defaultDenominator;
      const item = key ? set.profile.find((p) => p.key === key) : undefined;
      const value = key ? profile[key] : undefined;
      const choices =
        item && value !== undefined
          ? [choice(CHOICE.defaultDenominator, 'criteria:choice.default_denominator', { value, label: pickText(item.label, lang) })]
          : [];
      return {
        reply: reply('criteria:prompt.ratio_denominator', { ...labels, numerator: state.draft?.numerator ?? 0 }, choices),
        exclusive: false,
        defaultDenominator: value ?? null,
      };
    }
    case 'percent':
      return plain(reply('criteria:prompt.percent', {}, naChoices(c)));
    case 'date': {
      const extra = [...(spec.allowNone ? [choice(CHOICE.none, 'criteria:choice.date_none')] : []), ...naChoices(c)];
      return plain(
        window && spec.validity === 'in_force'
          ? reply('criteria:prompt.date_in_force', { to: displayDate(window.to) }, extra)
          : window
            ? reply('criteria:prompt.date_window', { from: displayDate(window.from), to: displayDate(window.to) }, extra)
            : reply('criteria:prompt.date', {}, extra),
      );
    }
    case 'imported_score':
      return plain(reply('criteria:prompt.imported_score', { scale: spec.scale }, naChoices(c)));
    case 'text':
      return plain(reply('criteria:prompt.text', { min: c.constraints.minLength ?? 1 }, naChoices(c)));
    case 'evidence_only':
      return plain(reply('criteria:prompt.evidence_only', {}, naChoices(c)));
  }
};

export const COUNT_MAX = 100_000;

export const criterionPrompt = (
  set: CriteriaSet,
  c: Criterion,
  state: SessionState,
  answer: StoredAnswer | undefined,
  profile: ProfileValues,
  rawPoints: number,
  lang: Lang,
  window?: DateWindow,
  notApplicable = false,
): Prompt => {
  const none = (r: Reply): Prompt => ({ reply: r, exclusive: false, defaultDenominator: null });
  if (state.step === 'explanation') {
    if (notApplicable) return none(reply('criteria:prompt.explanation_not_applicable', { code: c.code, min: set.explanationMinLength }));
    return none(
      c.explanation === 'always' || !set.scored
        ? reply('criteria:prompt.explanation_always', { code: c.code, min: set.explanationMinLength })
        : reply('criteria:prompt.explanation', { code: c.code, points: rawPoints, maxPoints: c.maxPoints, min: set.explanationMinLength }),
    );
  }
  if (state.step === 'evidence') {
    const count = answer?.evidenceCount ?? 0;
    const done = count > 0 ? [choice(CHOICE.evidenceDone, 'criteria:choice.evidence_done')] : [];
    if (count > 0) return none(reply('criteria:prompt.evidence_more', { code: c.code, count }, done));
    return none(
      c.evidence === 'required' && set.scored
        ? reply('criteria:prompt.evidence_required', { code: c.code, maxPoints: c.maxPoints })
        : reply('criteria:prompt.evidence_optional', { code: c.code }),
    );
  }
  return valuePrompt(set, c, state, answer, profile, lang, window);
};
