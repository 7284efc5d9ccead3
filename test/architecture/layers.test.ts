import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImport, checkTree } from './import-rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('import direction inside bot/', () => {
  it('holds for every file of the tree', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it.each([
    ['bot/app/dialogue/report.ts', '../../channels/telegram/create-telegram-bot.ts', 'app must not import channels'],
    ['bot/app/coordination/unit-command.ts', '../../db/repositories/unit-repository.ts', 'app must not import db'],
    ['bot/channels/zalo/start-zalo.ts', '../../db/repositories/inbox-repository.ts', 'channels must not import db'],
    ['bot/db/repositories/chat-repository.ts', '../../app/dialogue/route.ts', 'bot/db implements bot/app/ports.ts and imports nothing else of bot/app'],
    ['bot/platform/logger.ts', '../app/ports.ts', 'platform must not import app'],
    ['bot/app/ports.ts', '@prisma/client', 'only bot/db imports Prisma'],
    ['core/criteria/scoring.ts', '../../bot/platform/i18n.ts', 'core must not import platform'],
  ])('refuses %s importing %s', (file, spec, rule) => {
    expect(checkImport(file, spec)?.rule).toBe(rule);
  });

  it.each([
    ['bot/channels/telegram/create-telegram-bot.ts', '../../app/dialogue-port.ts'],
    ['bot/db/repositories/chat-repository.ts', '../../app/ports.ts'],
    ['bot/main.ts', './db/create-repositories.ts'],
    ['bot/cli/run-cli.ts', '../db/database.ts'],
    ['bot/db/database.ts', '@prisma/adapter-pg'],
  ])('allows %s importing %s', (file, spec) => {
    expect(checkImport(file, spec)).toBeNull();
  });
});
