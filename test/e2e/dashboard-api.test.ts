// Issue #17, acceptance 1: the real process (bot/main.ts) serves the dashboard page at /app/,
// and its API answers with what the chat computes (/ranking, /status, /unit over the same
// database), for a Mini App initData checked with the bot token; forged or expired → 401, a
// district coordinator asking for another district's unit → 403; a /dashboard link works too.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoordinationCommands } from '../../bot/app/coordination/coordination-commands.ts';
import { loadWorkingCalendar } from '../../bot/app/admin/load-calendar.ts';
import { createRepositories } from '../../bot/db/create-repositories.ts';
import { openDatabase, type Database } from '../../bot/db/database.ts';
import { createTranslator } from '../../bot/platform/i18n.ts';
import { createDashboardLinks } from '../../bot/platform/dashboard/dashboard-link.ts';
import { createSignedLinks } from '../../bot/platform/signed-links.ts';
import type { Reply } from '../../core/reply.ts';
import { TelegramServer } from '../support/telegram-test-server.ts';
import { startBotProcess, waitFor, type BotProcess } from '../support/bot-process.ts';
import {
  DISTRICT_TELEGRAM_ID,
  prepareDashboardDatabase,
  PROVINCE_TELEGRAM_ID,
  REPORTER_TELEGRAM_ID,
  evidencePng,
  SUBMITTED,
  type DashboardFixture,
} from '../support/dashboard-fixture.ts';
import { initDataFor, signInitData } from '../support/init-data.ts';
import { testPortBase } from '../support/test-port.ts';

const token = '123456:E2E-dashboard-token';
const linkSecret = 'dashboard-test-secret-0123456789abcdef';

describe('dashboard API (the real process)', () => {
  let server: TelegramServer;
  let bot: BotProcess;
  let db: Database;
  let fixture: DashboardFixture;
  const apiPort = testPortBase();
  const port = apiPort + 1;
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'egov-dash-'));
    const env = {
      DATABASE_URL: `file:${path.join(dir, 'dash.db')}`,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      PORT: String(port),
      FILE_LINK_SECRET: linkSecret,
      PUBLIC_BASE_URL: base,
      DASHBOARD_AUTH_MAX_AGE_SECONDS: '600',
      EVIDENCE_DIR: path.join(dir, 'evidence'),
    };
    fixture = await prepareDashboardDatabase(env.DATABASE_URL, new Date(), env.EVIDENCE_DIR);
    db = openDatabase(env.DATABASE_URL);
    bot = startBotProcess(env);
    await waitFor(
      async () =>
        fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
      'ready',
    );
  });
  afterAll(async () => {
    if (bot?.proc.exitCode === null) await bot.stop();
    await db?.close();
    await server?.stop();
  });

  const get = (p: string, authorization?: string) => fetch(`${base}${p}`, authorization ? { headers: { authorization } } : {});
  const tma = (userId: number, at?: Date) => `tma ${initDataFor(token, userId, at)}`;

  /** The chat's /ranking over the same database, for the same person. */
  const chatRanking = async (personId: string, args: string[]) => {
    const repos = createRepositories(db.prisma);
    const commands = createCoordinationCommands({
      repos,
      calendar: await loadWorkingCalendar(repos.calendar),
      botUsername: 'b',
      translate: createTranslator('vi').t,
      notify: async () => undefined,
      remind: async () => ({ queued: 0 }),
    });
    const memberships = await repos.people.listMemberships(personId);
    const out = await commands['ranking']!({
      personId,
      accountId: 'a',
      channel: 'telegram',
      locale: 'vi',
      now: new Date(),
      memberships,
      args,
      rawArgs: args.join(' '),
    });
    return out.replies;
  };
  const rowsOf = (replies: readonly Reply[]) =>
    replies
      .filter((r) => r.key.startsWith('coord:ranking.row'))
      .map((r) => ({
        code: r.params?.['code'],
        rank: r.key === 'coord:ranking.row' ? r.params?.['rank'] : 'last',
        points: r.params?.['points'],
        percent: r.params?.['percent'],
      }));

  it('GET /app/ serves the page (and its script and styles) without authentication', async () => {
    const page = await get('/app/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/app/dashboard.js');
    expect((await get('/app/dashboard.js')).status).toBe(200);
    expect((await get('/app/dashboard.css')).status).toBe(200);
    const strings = (await (await get('/app/api/i18n?lang=en')).json()) as { locale: string; strings: Record<string, string> };
    expect(strings.locale).toBe('en');
    expect(strings.strings['tab_ranking']).toBe('Ranking');
  });

  it('/app/api/ranking?level=commune with valid initData is the ranking /ranking computes', async () => {
    const res = await get('/app/api/ranking?level=commune', tma(PROVINCE_TELEGRAM_ID));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { levels: { level: string; rows: { code: string; rank: number | 'last' | null; points: number; percent: number }[] }[] };
    expect(body.levels.map((l) => l.level)).toEqual(['commune']);
    const api = body.levels[0]!.rows.filter((r) => r.rank !== null).map((r) => ({ code: r.code, rank: r.rank, points: r.points, percent: r.percent }));
    const chat = rowsOf(await chatRanking(fixture.provincePersonId, ['commune']));
    expect(chat.length).toBe(8);
    expect(api).toEqual(chat);
    // The submitted communes rank first, best answers first.
    expect(api.slice(0, 3).map((r) => r.code)).toEqual([...SUBMITTED].sort((a, b) => b[1] - a[1]).map(([code]) => code));
    expect(api[0]!.rank).toBe(1);
  });

  it('the district coordinator sees its district only, as in chat', async () => {
    const res = await get('/app/api/ranking?level=commune', tma(DISTRICT_TELEGRAM_ID));
    const body = (await res.json()) as { levels: { rows: { code: string; district: string }[] }[] };
    const chat = rowsOf(await chatRanking(fixture.districtPersonId, ['commune']));
    expect(body.levels[0]!.rows.map((r) => r.code)).toEqual(chat.map((r) => r.code));
    expect(new Set(body.levels[0]!.rows.map((r) => r.district))).toEqual(new Set(['H-THACHHA']));
    expect((await get('/app/api/ranking?level=commune&district=H-CANLOC', tma(DISTRICT_TELEGRAM_ID))).status).toBe(403);
  });

  it('forged, tampered, expired or missing authentication → 401', async () => {
    const forged = signInitData('999999:another-bots-token', {
      auth_date: String(Math.floor(Date.now() / 1000)),
      user: JSON.stringify({ id: PROVINCE_TELEGRAM_ID, first_name: 'Lan' }),
    });
    expect((await get('/app/api/ranking?level=commune', `tma ${forged}`)).status).toBe(401);
    const valid = initDataFor(token, DISTRICT_TELEGRAM_ID);
    const asProvince = valid.replace(encodeURIComponent(`"id":${DISTRICT_TELEGRAM_ID}`), encodeURIComponent(`"id":${PROVINCE_TELEGRAM_ID}`));
    expect(asProvince).not.toBe(valid);
    expect((await get('/app/api/ranking', `tma ${asProvince}`)).status).toBe(401);
    const old = await get('/app/api/me', tma(PROVINCE_TELEGRAM_ID, new Date(Date.now() - 3_600_000)));
    expect(old.status).toBe(401);
    expect(await old.json()).toEqual({ error: 'expired' });
    expect((await get('/app/api/me')).status).toBe(401);
    expect((await get('/app/api/me', 'Bearer x')).status).toBe(401);
    expect((await get('/app/api/me', 'link v1.abc.def')).status).toBe(401);
  });

  it("a district coordinator asking for another district's unit → 403; its own unit → the /unit figures", async () => {
    expect((await get('/app/api/unit/X-THIENLOC', tma(DISTRICT_TELEGRAM_ID))).status).toBe(403);
    const own = await get('/app/api/unit/X-THACHDAI', tma(DISTRICT_TELEGRAM_ID));
    expect(own.status).toBe(200);
    const unit = (await own.json()) as { code: string; self: { points: number }; criteria: { code: string; points: number; explanation: string }[] };
    expect(unit.code).toBe('X-THACHDAI');
    expect(unit.criteria.length).toBeGreaterThan(0);
    expect(unit.criteria[0]!.explanation).toBe('Giải trình của đơn vị.');
    // The rows add up to the header, as /unit's do.
    const sum = unit.criteria.reduce((n, c) => n + c.points, 0);
    expect(Math.abs(sum - unit.self.points)).toBeLessThan(0.01);
    const chat = rowsOf(await chatRanking(fixture.districtPersonId, ['commune'])).find((r) => r.code === 'X-THACHDAI');
    expect(unit.self.points).toBe(chat?.points);
    expect((await get('/app/api/unit/NOPE', tma(DISTRICT_TELEGRAM_ID))).status).toBe(404);
  });

  it('a stored photo is served through its signed link, only to someone whose scope has the unit', async () => {
    const body = (await (await get('/app/api/unit/X-THACHDAI', tma(PROVINCE_TELEGRAM_ID))).json()) as {
      criteria: { code: string; evidence: { name: string; image: boolean; url: string | null }[] }[];
    };
    const photo = body.criteria.find((c) => c.code === 'X-1.1')!.evidence.find((e) => e.name === 'bien-ban-hop.png')!;
    expect(photo.image).toBe(true);
    const served = await get(photo.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(evidencePng())).toBe(true);
    // Evidence only known by its channel reference has no link.
    expect(body.criteria.find((c) => c.code === 'X-1.2')!.evidence.every((e) => e.url === null)).toBe(true);
    // The same file named for a person without that unit in scope (Can Lộc's coordinator would be; here: a reporter) → 404.
    const t = new URL(photo.url!, base).searchParams.get('t')!;
    const links = createSignedLinks(linkSecret);
    const d = links.verify(t, new Date());
    expect(d.ok).toBe(true);
    if (d.ok) {
      const stranger = links.sign({ ...d.value, personId: fixture.reporterPersonId });
      expect((await get(`/files?t=${stranger}`)).status).toBe(404);
    }
  });

  it('a reporter (no coordinator role) and a stranger are refused with 403', async () => {
    expect((await get('/app/api/me', tma(REPORTER_TELEGRAM_ID))).status).toBe(403);
    expect((await get('/app/api/me', tma(424242))).status).toBe(403);
  });

  it('status carries the working-day countdown per level and the districts', async () => {
    const res = await get('/app/api/status', tma(PROVINCE_TELEGRAM_ID));
    const body = (await res.json()) as {
      levels: { level: string; workingDaysLeft: number; counts: { submitted: number; total: number }; districts: unknown[] }[];
    };
    const commune = body.levels.find((l) => l.level === 'commune')!;
    expect(commune.counts).toMatchObject({ submitted: 3, total: 8 });
    expect(commune.workingDaysLeft).toBeGreaterThan(0);
    expect(commune.districts).toHaveLength(3);
  });

  it('a signed /dashboard link authenticates its person once; a file link does not; downloads are signed links', async () => {
    const links = createSignedLinks(linkSecret);
    const url = createDashboardLinks(links, 'http://127.0.0.1', 60).link(fixture.districtPersonId, new Date()).url;
    const link = decodeURIComponent(new URL(url).searchParams.get('t')!);
    const me = await get('/app/api/me', `link ${link}`);
    expect(me.status).toBe(200);
    // The first use gets the page its own token; the link itself is spent (forwarded, re-opened: refused).
    const session = me.headers.get('x-dashboard-session')!;
    expect(session).toBeTruthy();
    const again = await get('/app/api/me', `link ${link}`);
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: 'used' });
    expect((await get('/app/api/ranking?level=commune', `link ${session}`)).status).toBe(200);
    expect((await get('/app/api/me', `link ${session}`)).headers.get('x-dashboard-session')).toBeNull();
    // A dashboard token without its once-only nonce is no link.
    const bare = links.sign({ kind: 'dashboard', periodId: 'open', personId: fixture.districtPersonId, expiresAt: new Date(Date.now() + 60_000) });
    expect((await get('/app/api/me', `link ${bare}`)).status).toBe(401);
    const body = (await me.json()) as { displayName: string; downloads: { kind: string; url: string }[] };
    expect(body.displayName).toBe('Trần Văn Hùng');
    const xlsx = body.downloads.find((d) => d.kind === 'export_xlsx')!;
    const file = await get(xlsx.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const fileLink = links.sign({ kind: 'export_xlsx', periodId: 'x', personId: fixture.districtPersonId, expiresAt: new Date(Date.now() + 60_000) });
    expect((await get('/app/api/me', `link ${fileLink}`)).status).toBe(401);
    const expired = links.sign({ kind: 'dashboard', periodId: 'open', personId: fixture.districtPersonId, expiresAt: new Date(Date.now() - 1000) });
    expect((await get('/app/api/me', `link ${expired}`)).status).toBe(401);
    // A translated key parameter never reaches the page as an object.
    expect(JSON.stringify(body)).not.toContain('"key":');
  });
});
