// Decides a valid answer for whatever question a chat is on, from its stored state, so tests
// can walk a whole criteria set through any channel. Answers aim at full points.
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import { parseChatState } from '../../bot/app/dialogue/chat-state.ts';

export type Action = { kind: 'text'; text: string } | { kind: 'choice'; value: string } | { kind: 'photo' } | { kind: 'done' };

export const nextAction = (set: CriteriaSet, rawState: unknown, year: number, evidenceSent: ReadonlySet<string> = new Set()): Action => {
  const state = parseChatState(rawState);
  const session = state.session;
  if (!session || session.cursor.kind === 'done') return { kind: 'done' };
  if (session.cursor.kind === 'profile') return { kind: 'text', text: '20' };
  const code = session.cursor.code;
  const c = set.criteria.find((x) => x.code === code);
  if (!c) throw new Error(`unknown criterion ${code}`);
  if (session.step === 'explanation') return { kind: 'text', text: 'Đơn vị đang tiếp tục hoàn thiện theo kế hoạch năm.' };
  if (session.step === 'evidence') {
    return evidenceSent.has(code) || evidenceSent.has('*') ? { kind: 'choice', value: 'e:done' } : { kind: 'photo' };
  }
  if (session.step === 'denominator') return { kind: 'text', text: '20' };
  const spec = c.answer;
  switch (spec.type) {
    case 'boolean':
      return { kind: 'choice', value: 'y' };
    case 'choice': {
      const best = [...spec.options].sort((a, b) => b.points - a.points)[0];
      return { kind: 'choice', value: `c:${best?.value}` };
    }
    case 'multi_check':
      return { kind: 'text', text: spec.items.map((_, i) => i + 1).join(', ') };
    case 'count':
      return { kind: 'text', text: '12' };
    case 'ratio':
    case 'ratio_threshold':
      return { kind: 'text', text: '20/20' };
    case 'percent':
      return { kind: 'text', text: '100%' };
    case 'date':
      return { kind: 'text', text: `15/01/${year}` };
    case 'imported_score':
      return { kind: 'text', text: String(spec.scale) };
    case 'text':
      return { kind: 'text', text: 'Nội dung trả lời của đơn vị.' };
    case 'evidence_only':
      return evidenceSent.has(code) || evidenceSent.has('*') ? { kind: 'choice', value: 'e:done' } : { kind: 'photo' };
  }
};
