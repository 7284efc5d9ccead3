// The product on a fresh test database with the Hà Tĩnh demo data, driven through the emulated
// Telegram Bot API at a fixed clock: what the dialogue tests on both databases start from.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../../bot/app/create-app.ts';
import { seedDemo } from '../../../bot/app/admin/seed-demo.ts';
import { createFileEvidenceStore } from '../../../bot/db/file-evidence-store.ts';
import { loadCriteriaFile, listShippedSets } from '../../../bot/platform/criteria-files.ts';
import { silentLogger } from '../../../bot/platform/logger.ts';
import type { CriteriaSet } from '../../../core/criteria/criteria-set.schema.ts';
import { createTelegramHarness } from '../../support/telegram-harness.ts';
import { createTestDatabase, type ProviderName, type TestDatabase } from './providers.ts';

export type DemoApp = { readonly db: TestDatabase; readonly app: App; readonly tg: ReturnType<typeof createTelegramHarness> };

/** `options` replaces any of the defaults below (a bot name, a code generator…). */
export const demoApp = async (provider: ProviderName, now: Date, options: Partial<AppOptions> = {}): Promise<DemoApp> => {
  const db = await createTestDatabase(provider);
  await seedDemo(db.repos, now);
  const app = createApp({
    repos: db.repos,
    logger: silentLogger(),
    clock: () => now,
    evidence: createFileEvidenceStore(mkdtempSync(path.join(os.tmpdir(), 'egov-demo-app-'))),
    evidenceMaxBytes: 1 << 20,
    botUsername: 'egov_report_bot',
    ...options,
  });
  return { db, app, tg: createTelegramHarness(app.dialogue, () => now) };
};

/** The shipped commune set, as the demo's period links it. */
export const shippedCommuneSet = async (): Promise<CriteriaSet> => {
  const loaded = await loadCriteriaFile(listShippedSets().find((f) => f.includes('commune'))!);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
};
