// Issue #12, onboarding at province scale on both databases: `invite bulk` writes one deep link
// per unit, `invite revoke` stops a code, `member list/remove` from the CLI and /members in chat.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/run-cli.ts';
import { splitCsvLine } from '../../core/units/parse-unit-csv.ts';
import { availableProviders, createTestDatabaseUrl } from './support/providers.ts';
import { startHarness } from './support/year-harness.ts';

const providers = await availableProviders();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(providers)('onboarding on %s', (provider) => {
  it('invite bulk, invite revoke, member list/remove and /members', async () => {
    const db = await createTestDatabaseUrl(provider);
    cleanups.push(db.cleanup);
    const env = { DATABASE_URL: db.url, DEFAULT_LOCALE: 'en', TELEGRAM_BOT_USERNAME: 'hatinh_egov_bot' };
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const error: string[] = [];
      const code = await runCli(argv, env, { out: (l) => out.push(l), error: (l) => error.push(l) });
      return { code, out, error };
    };
    expect((await cli('demo', 'seed')).code).toBe(0);
    const communes = (await cli('unit', 'list', '--level', 'commune')).out.map((l) => l.split('\t'));
    await cli('unit', 'exclude', 'X-HODO', '--reason', 'thử');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'egov-inv-')), 'invites.csv');

    expect((await cli('invite', 'bulk', '--level', 'commune', '--role', 'reporter')).code).toBe(2);
    expect((await cli('invite', 'bulk', '--level', 'village', '--role', 'reporter', '--out', file)).error).toEqual([
      'invite bulk: --level must be department, district or commune',
    ]);
    expect((await cli('invite', 'bulk', '--level', 'commune', '--district', 'H-NOPE', '--role', 'reporter', '--out', file)).error).toEqual([
      'No district has the code H-NOPE.',
    ]);
    const all = await cli('invite', 'bulk', '--level', 'commune', '--role', 'reporter', '--out', file);
    expect(all.code).toBe(0);
    expect(all.out[1]).toBe('1 excluded units skipped.');
    const rows = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter((l) => l !== '')
        .map((l) => splitCsvLine(l)!);
    const [header, ...body] = rows(readFileSync(file, 'utf8'));
    expect(header).toEqual(['unit_code', 'unit_name', 'deep_link', 'code']);
    // One row per commune, excluded ones left out; each link carries its own code.
    expect(body.map((r) => r[0]).sort()).toEqual(
      communes
        .map((c) => c[0])
        .filter((c) => c !== 'X-HODO')
        .sort(),
    );
    for (const [unitCode, unitName, link, code] of body) {
      expect(unitName).toBe(communes.find((c) => c[0] === unitCode)![1]);
      expect(link).toBe(`https://t.me/hatinh_egov_bot?start=${code}`);
    }
    expect(new Set(body.map((r) => r[3])).size).toBe(body.length);

    const thachHa = await cli('invite', 'bulk', '--level', 'commune', '--district', 'H-THACHHA', '--role', 'reporter', '--out', file);
    expect(thachHa.code).toBe(0);
    const mine = rows(readFileSync(file, 'utf8')).slice(1);
    expect(mine.map((r) => r[0]).sort()).toEqual(
      communes
        .filter((c) => c[3] === 'H-THACHHA')
        .map((c) => c[0])
        .sort(),
    );
    const dai = mine.find((r) => r[0] === 'X-THACHDAI')![3]!;
    const khe = mine.find((r) => r[0] === 'X-THACHKHE')![3]!;
    expect((await cli('invite', 'revoke', 'NOPE2345XY')).error).toEqual(['No invite has this code.']);
    expect((await cli('invite', 'revoke', khe.toLowerCase())).out[0]).toContain(`Invite ${khe} (reporter, X-THACHKHE`);

    let h = await startHarness(provider, { url: db.url });
    expect(await h.send(40, `/start ${dai}`)).toMatchObject({ text: expect.stringContaining('Xã Thạch Đài') });
    expect((await h.send(41, `/start ${khe}`)).text).toContain('đã bị thu hồi');
    await h.join(42, 'H-THACHHA', 'coordinator');
    await h.join(43, 'H-CANLOC', 'coordinator');
    const members = (await h.send(42, '/members X-THACHDAI')).text;
    expect(members).toContain('Thành viên của X-THACHDAI Xã Thạch Đài (1)');
    expect(members).toContain('cán bộ báo cáo (telegram)');
    expect((await h.send(42, '/members X-THACHKHE')).text).toContain('chưa có thành viên');
    expect((await h.send(43, '/members X-THACHDAI')).text).toContain('không thuộc phạm vi');
    expect((await h.send(40, '/members X-THACHDAI')).text).toContain('chỉ dành cho đầu mối');
    expect((await h.send(42, '/members')).text).toContain('Cú pháp: /members');
    expect((await h.send(42, '/help')).text).toContain('/members');
    await h.dispose();

    const listed = await cli('member', 'list', 'X-THACHDAI');
    expect(listed.out).toHaveLength(1);
    const [personId, , role, channels] = listed.out[0]!.split('\t');
    expect([role, channels]).toEqual(['reporter', 'telegram']);
    expect((await cli('member', 'remove', 'X-THACHDAI', 'nobody')).error).toEqual(['Person nobody holds no role on X-THACHDAI.']);
    expect((await cli('member', 'remove', 'X-THACHDAI', personId!)).code).toBe(0);
    expect((await cli('member', 'list', 'X-THACHDAI')).out).toEqual(['X-THACHDAI has no members.']);
    h = await startHarness(provider, { url: db.url });
    expect((await h.send(42, '/members X-THACHDAI')).text).toContain('chưa có thành viên');
    await h.dispose();
  });
});
