// Reads an admin data file (YAML, or JSON — JSON is valid YAML) into plain data; what it must
// contain is the core's business. Expected failures come back as one-line messages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { err, ok, type Result } from '../../core/result.ts';

export const readDataFile = async (file: string): Promise<Result<unknown, string>> => {
  const name = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return err(`${name}: cannot read file (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    // YAML 1.2 (the default) keeps 2019-09-15 and 15/9/2019 as strings: dates stay the core's to parse.
    return ok(parse(text, { prettyErrors: true }) as unknown);
  } catch (e) {
    // The yaml package reports syntax errors by throwing; they are expected input errors here.
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'syntax';
    return err(`${name}: ${where}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
};
