// Reads a criteria-set file (YAML or JSON: JSON is valid YAML) and validates it through the core.
// Used by the CLI (`criteria validate|import`) and by the demo seeding of the shipped samples.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './project-root.ts';
import { parse, YAMLParseError } from 'yaml';
import type { CriteriaSet } from '../../core/criteria/criteria-set.schema.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { validateCriteriaSet, type CriteriaSetIssue } from '../../core/criteria/validate-criteria-set.ts';

export type LoadCriteriaError = {
  readonly code: 'file.unreadable' | 'file.syntax' | 'set.invalid';
  readonly file: string;
  /** One line for logs and the CLI, e.g. `commune.yaml: criteria[3].answer.options[1].points: …`. */
  readonly message: string;
  readonly issues: readonly CriteriaSetIssue[];
};

const describeIssue = (i: CriteriaSetIssue): string => {
  const extra = Object.entries(i.params)
    .filter(([k]) => k !== 'path')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${i.path}: ${i.code}${extra ? ` (${extra})` : ''}`;
};

export const loadCriteriaFile = async (file: string): Promise<Result<CriteriaSet, LoadCriteriaError>> => {
  const name = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err({ code: 'file.unreadable', file, message: `${name}: cannot read file (${reason})`, issues: [] });
  }
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true });
  } catch (e) {
    // The yaml package reports syntax errors by throwing; they are expected input errors here.
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'syntax';
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return err({ code: 'file.syntax', file, message: `${name}: ${where}: ${reason}`, issues: [] });
  }
  const result = validateCriteriaSet(data);
  if (result.ok) return ok(result.value);
  const issues = result.error;
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return err({ code: 'set.invalid', file, message: `${name}: ${first ? describeIssue(first) : 'invalid'}${more}`, issues });
};

/** One line per issue, for `criteria validate <file>`. */
export const describeLoadError = (e: LoadCriteriaError): string[] =>
  e.issues.length > 0 ? e.issues.map((i) => `${path.basename(e.file)}: ${describeIssue(i)}`) : [e.message];

const setsDir = (): string => path.join(projectRoot(), 'core', 'criteria', 'sets');

/** Absolute paths of the sample sets shipped in core/criteria/sets, sorted by name. */
export const listShippedSets = (): string[] =>
  readdirSync(setsDir())
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(setsDir(), f));
