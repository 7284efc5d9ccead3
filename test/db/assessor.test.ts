// Issue #12, assessors on both databases: `invite create --role assessor --unit <province>`
// gives a person /assess over the units in that scope and nothing else.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';
import { startHarness } from './support/year-harness.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(providers)('assessors on %s', (provider) => {
  it('may /assess units in scope and nothing else', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en' };
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const error: string[] = [];
      const code = await runCli(argv, env, { out: (l) => out.push(l), error: (l) => error.push(l) });
      return { code, out, error };
    };
    expect((await cli('demo', 'seed')).code).toBe(0);
    const province = await cli('invite', 'create', '--role', 'assessor', '--unit', 'HATINH');
    expect(province.code).toBe(0);
    expect(province.out[0]).toContain('assessor invite for HATINH');
    const district = await cli('invite', 'create', '--role', 'assessor', '--unit', 'H-THACHHA');
    expect((await cli('invite', 'create', '--role', 'judge', '--unit', 'HATINH')).error[0]).toContain('reporter, coordinator or assessor');

    const h = await startHarness(provider, { url: db.url });
    try {
      expect((await h.send(60, `/start ${province.out.at(-1)}`)).text).toContain('chuyên gia đánh giá của Tỉnh Hà Tĩnh');
      expect((await h.send(61, `/start ${district.out.at(-1)}`)).text).toContain('chuyên gia đánh giá');
      const assessed = (await h.send(60, '/assess X-THIENLOC')).text;
      expect(assessed).toContain('Xã Thiên Lộc');
      const state = await h.db.prisma.chatState.findFirstOrThrow({ where: { chatId: '60' } });
      expect((state.state as { assess?: boolean }).assess).toBe(true);
      expect((await h.send(61, '/assess X-THACHKHE')).text).toContain('Xã Thạch Khê');
      expect((await h.send(61, '/assess X-THIENLOC')).text).toContain('không thuộc phạm vi');
      const others = [
        '/status',
        '/missing',
        '/ranking',
        '/unit X-THIENLOC',
        '/return X-THIENLOC thiếu biên bản',
        '/verify X-THIENLOC X-1.1 0 thiếu quyết định',
        '/verified X-THIENLOC',
        '/history X-THIENLOC X-1.1',
        '/remind missing',
        '/invite X-THIENLOC reporter',
        '/members X-THIENLOC',
        '/export',
        '/chart',
      ];
      for (const t of others) expect((await h.send(60, t)).text, t).toContain('chỉ dành cho đầu mối');
      expect((await h.send(60, '/report')).text).toContain('chưa là cán bộ báo cáo');
      expect((await h.send(60, '/result')).text).toContain('chưa là thành viên');
      const help = (await h.send(60, '/help')).text;
      expect(help).toContain('/assess');
      expect(help).not.toContain('/ranking');
      expect(help).not.toContain('/submit');
    } finally {
      await h.dispose();
    }
  });
});
