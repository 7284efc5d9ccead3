import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Answers, ProfileValues } from '../../../core/criteria/answer-value.schema.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import type { Reply } from '../../../core/reply.ts';
import { applyInput, type ApplyResult } from '../../../core/questionnaire/apply-input.ts';
import { describeQuestion, type QuestionDescriptor, type QuestionOptions } from '../../../core/questionnaire/describe-question.ts';
import type { QuestionnaireInput, SessionState } from '../../../core/questionnaire/session-state.schema.ts';
import { startSession } from '../../../core/questionnaire/start-session.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const catalogue = (lang: string) => JSON.parse(readFileSync(path.join(root, 'locales', lang, 'criteria.json'), 'utf8')) as Record<string, unknown>;
const catalogues = { vi: catalogue('vi'), en: catalogue('en') };

const lookup = (lang: 'vi' | 'en', key: string): string | undefined => {
  const parts = key.replace(/^criteria:/, '').split('.');
  let node: unknown = catalogues[lang];
  for (const p of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  return typeof node === 'string' ? node : undefined;
};

/** A t() stand-in that fails when a key is missing or a placeholder has no parameter. */
export const render = (r: Reply, lang: 'vi' | 'en' = 'vi'): string => {
  const template = lookup(lang, r.key);
  expect(template, `missing message ${r.key}`).toBeTypeOf('string');
  const params = r.params ?? {};
  const text = (template ?? '').replace(/\{\{\s*(\w+)(?:\s*,\s*\w+)?\s*\}\}/g, (_m, name: string) => {
    expect(params, `${r.key} needs {{${name}}}`).toHaveProperty(name);
    return String(params[name]);
  });
  const choices = (r.choices ?? []).map((c) => `[${c.value}] ${render({ key: c.key, ...(c.params ? { params: c.params } : {}) }, lang)}`);
  return [text, ...choices].join('\n');
};

/** Drives the engine like a use case would: keeps state, answers and profile between inputs. */
export class Driver {
  state: SessionState;
  answers: Answers;
  profile: ProfileValues;
  log: string[] = [];
  constructor(
    readonly set: CriteriaSet,
    readonly opts: QuestionOptions = {},
    answers: Answers = {},
    profile: ProfileValues = {},
  ) {
    this.answers = answers;
    this.profile = profile;
    this.state = startSession(set, answers, profile, opts);
  }
  question(): QuestionDescriptor | null {
    return describeQuestion(this.set, this.state, this.answers, this.profile, this.opts);
  }
  where(): string {
    const c = this.state.cursor;
    return c.kind === 'done' ? 'done' : `${c.kind === 'profile' ? `profile:${c.key}` : c.code}/${this.state.step}`;
  }
  send(input: QuestionnaireInput): ApplyResult {
    const r = applyInput(this.set, this.state, this.answers, this.profile, input, this.opts);
    if (!r.ok) throw new Error(`${this.where()}: ${JSON.stringify(input)} → ${r.error.code}`);
    ({ state: this.state, answers: this.answers, profile: this.profile } = r.value);
    expect(JSON.parse(JSON.stringify(this.state))).toEqual(this.state);
    this.log.push(...r.value.replies.map((x) => render(x, this.opts.lang ?? 'vi')));
    return r.value;
  }
  text(text: string): ApplyResult {
    return this.send({ kind: 'text', text });
  }
  choose(value: string): ApplyResult {
    return this.send({ kind: 'choice', value });
  }
  /** Expects the input to be refused and the position, answers and profile to stay unchanged. */
  refuse(input: QuestionnaireInput | string, code: string): void {
    const i: QuestionnaireInput = typeof input === 'string' ? { kind: 'text', text: input } : input;
    const before = this.where();
    const r = applyInput(this.set, this.state, this.answers, this.profile, i, this.opts);
    expect(r.ok, `${before}: ${JSON.stringify(i)} should be refused`).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
    expect(this.where()).toBe(before);
  }
}
