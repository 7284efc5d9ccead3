// Reads generated documents back the way a person's tools would: pdftotext/pdfinfo (poppler-utils)
// for PDFs, unzip for DOCX parts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const withFile = <T>(data: Buffer, name: string, f: (file: string) => T): T => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-doc-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return f(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const run = (tool: string, args: string[]): string => {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is not installed: apt-get install -y poppler-utils unzip`, { cause: e });
    throw e;
  }
};

/** Whitespace folded to single spaces, NFC, so wrapped table cells compare as one string. */
export const flat = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The PDF's text in content order; `page` limits it to one page (1-based). */
export const pdfText = (pdf: Buffer, page?: number): string =>
  withFile(pdf, 'f.pdf', (f) => run('pdftotext', ['-raw', '-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), f, '-']));

export const pdfInfo = (pdf: Buffer): Record<string, string> =>
  withFile(pdf, 'f.pdf', (f) =>
    Object.fromEntries(
      run('pdfinfo', ['-enc', 'UTF-8', f])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    ),
  );

/** One part of a zip container (docx/xlsx), e.g. 'word/document.xml'. */
export const zipPart = (zip: Buffer, part: string): string => withFile(zip, 'f.zip', (f) => run('unzip', ['-p', f, part]));

/** The visible text of a WordprocessingML part: runs' text, paragraphs as line breaks. */
export const docxText = (xml: string): string =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
