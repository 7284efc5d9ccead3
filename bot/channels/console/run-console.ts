// The console channel: the same dialogue in a terminal (or driven through stdin), acting as
// one local person. `/file <path>` sends a local file as evidence.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Dialogue, FileFetcher } from '../../app/dialogue-port.ts';
import type { InboundContent, InboundEvent } from '../../app/inbound.ts';
import type { Translator } from '../../platform/i18n.ts';
import { renderPlain } from '../render-plain.ts';
import { CONSOLE_USER } from '../../app/admin/ensure-console-reporter.ts';

const consoleFetcher: FileFetcher = async (content, maxBytes) => {
  try {
    const info = await stat(content.fileRef);
    if (info.size > maxBytes) return { ok: false, error: { code: 'too_large' } };
    const buffer = await readFile(content.fileRef);
    return { ok: true, value: { buffer, mime: content.mime ?? null, size: buffer.length } };
  } catch {
    return { ok: false, error: { code: 'download_failed' } };
  }
};

const mimeByExt: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.pdf': 'application/pdf' };

const contentOf = async (line: string): Promise<InboundContent> => {
  const file = /^\/file\s+(.+)$/.exec(line.trim());
  if (!file?.[1]) return { kind: 'text', text: line };
  const filePath = path.resolve(file[1].trim());
  const size = await stat(filePath).then(
    (s) => s.size,
    () => undefined,
  );
  // `/file X-1.1` (no such file, a criterion code) is the dialogue's command: evidence for an answered criterion.
  if (size === undefined && /^[A-Za-z]{1,4}-[\d.]+$/.test(file[1].trim())) return { kind: 'text', text: line };
  const mime = mimeByExt[path.extname(filePath).toLowerCase()];
  return {
    kind: 'file',
    fileKind: 'document',
    fileRef: filePath,
    fileName: path.basename(filePath),
    ...(size !== undefined ? { size } : {}),
    ...(mime ? { mime } : {}),
  };
};

export type ConsoleOptions = {
  readonly dialogue: Dialogue;
  readonly translator: Translator;
  readonly input: Readable;
  readonly output: Writable;
  readonly prompt: boolean;
  /** Unique per process start, so update keys of different runs never collide. */
  readonly sessionId: string;
  readonly now: () => Date;
  /** Where files the bot sends (Excel exports, charts) are written. */
  readonly filesDir: string;
};

/** Runs until stdin ends; the first message opens the conversation with /report. */
export const runConsole = async (options: ConsoleOptions): Promise<void> => {
  let counter = 0;
  const send = async (content: InboundContent): Promise<void> => {
    counter += 1;
    const event: InboundEvent = {
      channel: 'console',
      dedupeKey: `console:${options.sessionId}:${counter}`,
      externalUserId: CONSOLE_USER,
      chatId: CONSOLE_USER,
      displayName: 'Console',
      receivedAt: options.now(),
      content,
    };
    const out = await options.dialogue.handle(event, consoleFetcher);
    if (out) {
      // Files (exports, charts) are saved next to the database and their path is shown.
      const saved = [];
      for (const file of out.attachments ?? []) {
        await mkdir(options.filesDir, { recursive: true });
        const target = path.join(options.filesDir, file.fileName);
        await writeFile(target, file.data);
        saved.push({ key: 'coord:attachment_saved', params: { path: target } });
      }
      options.output.write(`\n${renderPlain(options.translator, { ...out, replies: [...out.replies, ...saved] })}\n`);
    }
    if (options.prompt) options.output.write('\n> ');
  };
  await send({ kind: 'text', text: '/report' });
  const rl = readline.createInterface({ input: options.input, terminal: false });
  for await (const line of rl) {
    if (line.trim() === '') {
      if (options.prompt) options.output.write('> ');
      continue;
    }
    await send(await contentOf(line));
  }
};
