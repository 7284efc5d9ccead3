// What an officer answered, as a message a coordinator reads: "12/20 (Số CBCC được tập huấn /
// Tổng số CBCC)", the chosen option's label, the date, the count — never a code or raw JSON.
import { formatDateVi } from '../calendar/local-date.ts';
import { reply, type Reply } from '../reply.ts';
import type { AnswerValue } from './answer-value.schema.ts';
import type { Criterion } from './criteria-set.schema.ts';
import { pickText, type Lang } from './localized-text.ts';

const MAX_TEXT = 80;

export const answerText = (c: Criterion, v: AnswerValue, lang: Lang): Reply => {
  const spec = c.answer;
  switch (v.type) {
    case 'not_applicable':
      return reply('criteria:value.not_applicable');
    case 'boolean':
      return reply(v.value ? 'criteria:value.yes' : 'criteria:value.no');
    case 'choice': {
      const option = spec.type === 'choice' ? spec.options.find((o) => o.value === v.option) : undefined;
      return reply('criteria:value.choice', { label: option ? pickText(option.label, lang) : v.option });
    }
    case 'multi_check': {
      const items = spec.type === 'multi_check' ? spec.items.filter((o) => v.items.includes(o.value)).map((o) => pickText(o.label, lang)) : v.items;
      return items.length === 0 ? reply('criteria:value.items_none') : reply('criteria:value.items', { count: items.length, items: items.join('; ') });
    }
    case 'count':
      return reply('criteria:value.count', { count: v.count, unit: spec.type === 'count' ? pickText(spec.unitLabel, lang) : '' });
    case 'ratio': {
      const labels = spec.type === 'ratio' || spec.type === 'ratio_threshold' ? spec : undefined;
      return reply(v.denominator === 0 ? 'criteria:value.ratio_none' : 'criteria:value.ratio', {
        numerator: v.numerator,
        denominator: v.denominator,
        numeratorLabel: pickText(labels?.numeratorLabel, lang),
        denominatorLabel: pickText(labels?.denominatorLabel, lang),
      });
    }
    case 'percent':
      return reply('criteria:value.percent', { percent: v.percent });
    case 'date':
      return v.date === null ? reply('criteria:value.date_none') : reply('criteria:value.date', { date: formatDateVi(v.date) });
    case 'imported_score':
      return reply('criteria:value.score', { score: v.score, scale: spec.type === 'imported_score' ? spec.scale : 100 });
    case 'text':
      return reply('criteria:value.text', { answerText: v.text.length > MAX_TEXT ? `${v.text.slice(0, MAX_TEXT - 1)}…` : v.text });
    case 'evidence_only':
      return reply('criteria:value.evidence_only');
  }
};
